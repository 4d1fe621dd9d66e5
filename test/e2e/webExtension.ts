/**
 * A copy of the built extension for VS Code's web worker extension host: the same dist/, with a manifest
 * that has only the `browser` entry, as vscode.dev and github.dev load it.
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function webOnlyCopy(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-coach-web-'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.main;
  manifest.extensionKind = ['web'];
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const entry of ['dist', 'media', 'l10n', 'package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) symlinkSync(join(root, entry), join(dir, entry));
  return dir;
}
