/** Hover detection over the fixture corpus: every expected hover, every expected silence. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { detect } from '../../src/core/detect/detect';
import type { Detection } from '../../src/core/detect/detection';
import { knowledgeBase } from './helpers';

interface Case {
  at: string;
  char?: number;
  nth?: number;
  silent?: boolean;
  service?: string;
  resource?: string;
  notation?: string;
  detail?: string;
  unknown?: string;
  port?: number;
  to?: number;
  role?: string;
  openTo?: string;
  noOpenTo?: boolean;
}

const fixtures = join(__dirname, '..', 'fixtures', 'hover');
const cases = parse(readFileSync(join(fixtures, 'cases.yaml'), 'utf8')) as Record<string, Case[]>;

const LANGUAGES: Record<string, string> = {
  yaml: 'yaml',
  yml: 'dockercompose',
  json: 'json',
  tf: 'plaintext',
  py: 'python',
  ts: 'typescript',
  conf: 'plaintext',
  md: 'markdown',
  Dockerfile: 'dockerfile',
};

export function hoverAt(file: string, c: Pick<Case, 'at' | 'char' | 'nth'>, options = { services: true, ports: true, plainNames: true }): Detection | undefined {
  const lines = readFileSync(join(fixtures, file), 'utf8').split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(c.at);
    if (at < 0 || seen++ < (c.nth ?? 0)) continue;
    const ext = file.includes('.') ? file.split('.').pop()! : file;
    return detect(
      knowledgeBase().lookup,
      {
        text: lines[i],
        character: at + (c.char ?? Math.floor(c.at.length / 2)),
        languageId: file.startsWith('docker-compose') ? 'dockercompose' : (LANGUAGES[ext] ?? 'plaintext'),
        fileName: file,
        lineAt: (d) => lines[i + d],
      },
      options,
    );
  }
  throw new Error(`${file}: no line contains ${JSON.stringify(c.at)}`);
}

describe('hover detection on the fixture corpus', () => {
  for (const [file, list] of Object.entries(cases)) {
    describe(file, () => {
      for (const c of list) {
        const name = c.silent ? `stays quiet on ${JSON.stringify(c.at)} at ${c.char ?? 'its middle'}` : `explains ${JSON.stringify(c.at)}${c.char !== undefined ? ` at ${c.char}` : ''}`;
        it(name, () => {
          const d = hoverAt(file, c);
          if (c.silent) {
            assert.equal(d, undefined, `expected no hover, got ${JSON.stringify(d)}`);
            return;
          }
          assert.ok(d, 'expected a hover');
          if (c.unknown) {
            assert.equal(d.kind, 'unknown-aws', JSON.stringify(d));
            if (d.kind === 'unknown-aws') assert.equal(d.notation, c.unknown);
            return;
          }
          if (c.port !== undefined) {
            assert.equal(d.kind, 'port', JSON.stringify(d));
            if (d.kind !== 'port') return;
            assert.equal(d.port, c.port);
            if (c.to !== undefined) assert.equal(d.to, c.to);
            if (c.role) assert.equal(d.role, c.role);
            if (c.openTo) assert.equal(d.openTo, c.openTo);
            if (c.noOpenTo) assert.equal(d.openTo, undefined);
            return;
          }
          assert.equal(d.kind, 'service', JSON.stringify(d));
          if (d.kind !== 'service') return;
          if (c.service) assert.equal(d.entryId, c.service);
          if (c.resource) assert.equal(d.resourceType, c.resource);
          if (c.notation) assert.equal(d.notation, c.notation);
          if (c.detail) assert.ok(d.detail?.includes(c.detail), `detail ${JSON.stringify(d.detail)}`);
        });
      }
    });
  }
});
