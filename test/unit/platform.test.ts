/** The two implementations of what differs between the desktop and the browser: files and the study engines. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as vscode from 'vscode';
import { nodePlatform } from '../../src/platform/node';
import { webPlatform } from '../../src/platform/web';

const root = join(__dirname, '..', '..');
const uri = (fsPath: string) => ({ fsPath, toString: () => `file://${fsPath}` }) as unknown as vscode.Uri;

describe('platforms', () => {
  it('Node: reads the extension\'s files from disk and loads the engines bundle built beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloud-coach-platform-'));
    writeFileSync(join(dir, 'knowledge.json'), '{"format":1}');
    const platform = nodePlatform(join(root, 'dist'));
    assert.equal(platform.kind, 'node');
    assert.equal(new TextDecoder().decode(await platform.readExtensionFile(uri(join(dir, 'knowledge.json')))), '{"format":1}');
    await assert.rejects(platform.readExtensionFile(uri(join(dir, 'missing.json'))));
    const engines = await platform.loadEngines();
    assert.equal(typeof engines.KnowledgeSearch, 'function', 'from dist/studyEngines.js (built by the build step)');
    assert.equal(await platform.loadEngines(), engines, 'loaded once');
    assert.match(platform.home ?? '', /^file:\/\//);
    assert.equal(await platform.gunzip(gzipSync('{"ports": "5432 · ünïcode"}')), '{"ports": "5432 · ünïcode"}');
    await assert.rejects(platform.gunzip(new TextEncoder().encode('not gzip')));
  });

  it('web: reads through the file system it is given, carries the engines in its bundle, and knows no home folder', async () => {
    const asked: string[] = [];
    const fs = { readFile: async (u: vscode.Uri) => (asked.push(u.toString()), new TextEncoder().encode('{"format":1}')) };
    const platform = webPlatform(fs);
    assert.equal(platform.kind, 'web');
    assert.equal(new TextDecoder().decode(await platform.readExtensionFile(uri('/ext/dist/knowledge.json'))), '{"format":1}');
    assert.deepEqual(asked, ['file:///ext/dist/knowledge.json']);
    const failing = webPlatform({ readFile: async () => Promise.reject(new Error('FileNotFound')) });
    await assert.rejects(failing.readExtensionFile(uri('/x')), /FileNotFound/);
    assert.equal(typeof (await platform.loadEngines()).QuizCoach, 'function');
    assert.equal(platform.home, undefined);
    assert.equal(await platform.gunzip(gzipSync('{"ports": "5432 · ünïcode"}')), '{"ports": "5432 · ünïcode"}', "the browser's DecompressionStream");
    await assert.rejects(platform.gunzip(new TextEncoder().encode('not gzip')));
  });
});
