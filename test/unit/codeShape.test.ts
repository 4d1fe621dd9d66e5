/** Checks on the code itself that keep it easy to carry on: short functions, one list of command ids. */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { Command } from '../../src/core/ids';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('code shape', () => {
  it('has no function in src/ or media/ longer than 80 lines', () => {
    const long: string[] = [];
    for (const file of [...sources(join(root, 'src')), ...sources(join(root, 'media'))]) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const from = sf.getLineAndCharacterOfPosition(node.getStart()).line;
          const to = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (to - from + 1 > 80) long.push(`${relative(root, file)}:${from + 1} (${to - from + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    assert.deepEqual(long, []);
  });

  it('contributes exactly the commands src/core/ids.ts names, each in the Cloud Coach category', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    // The manifest's text is in package.nls.json, as `%key%` placeholders.
    const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    const english = (value: string) => value.replace(/^%([\w.-]+)%$/, (_, key: string) => nls[key] ?? value);
    const contributed = (manifest.contributes.commands as { command: string; category: string }[]).map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Command).sort());
    for (const c of manifest.contributes.commands) assert.equal(english(c.category), 'Cloud Coach', c.command);
  });
});
