/** Where the learner's notes are: settings resolved to files through the file-system interface, as VS Code, a remote or github.dev would serve them. */
import * as assert from 'node:assert/strict';
import { locate, readNotesFile, resolveNotes, noteFileKey, type NotesFileSystem } from '../../src/core/notes/sources';

/** A file system of URI strings to contents; folders are implied by the files under them. */
function memoryFs(files: Record<string, string | Uint8Array>): NotesFileSystem & { reads: string[] } {
  const reads: string[] = [];
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  const isDir = (uri: string) => Object.keys(files).some((f) => f.startsWith(`${uri.replace(/\/$/, '')}/`));
  const globToRegExp = (glob: string) =>
    new RegExp(
      `^${glob
        .replace(/[.+^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]*)\}/g, (_, alts: string) => `(${alts.split(',').join('|')})`)
        .replace(/\*\*\//g, '@@')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '.')
        .replace(/@@/g, '(?:.*/)?')}$`,
    );
  return {
    reads,
    async stat(uri) {
      if (uri in files) return { type: 'file', size: bytes(files[uri]).length };
      return isDir(uri) ? { type: 'directory', size: 0 } : undefined;
    },
    async findFiles(base, glob, limit) {
      const re = globToRegExp(glob);
      const prefix = `${base.replace(/\/$/, '')}/`;
      return Object.keys(files).filter((f) => f.startsWith(prefix) && re.test(f.slice(prefix.length))).slice(0, limit);
    },
    async readFile(uri) {
      reads.push(uri);
      if (!(uri in files)) throw new Error('no such file');
      return bytes(files[uri]);
    },
  };
}

describe('notes sources', () => {
  const folder = 'file:///work/repo';

  it('reads a setting as a file, a folder or a glob, relative to its workspace folder, absolute, ~/ or a URI', () => {
    assert.deepEqual(locate({ folder, value: 'notes/aws.md' }), { kind: 'path', uri: 'file:///work/repo/notes/aws.md' });
    assert.deepEqual(locate({ folder, value: '/home/me/aws.md' }), { kind: 'path', uri: 'file:///home/me/aws.md' });
    assert.deepEqual(locate({ value: '~/study/aws.md' }, 'file:///home/me'), { kind: 'path', uri: 'file:///home/me/study/aws.md' });
    assert.deepEqual(locate({ folder, value: 'notes/**/*.md' }), { kind: 'glob', base: 'file:///work/repo/notes', glob: '**/*.md' });
    assert.deepEqual(locate({ value: 'vscode-vfs://github/me/notes/aws.md' }), { kind: 'path', uri: 'vscode-vfs://github/me/notes/aws.md' });
    assert.deepEqual(locate({ folder: 'vscode-vfs://github/me/repo', value: 'notes.md' }), { kind: 'path', uri: 'vscode-vfs://github/me/repo/notes.md' });
  });

  it('says why a setting points nowhere: relative without a folder, ~ without a home', () => {
    assert.deepEqual(locate({ value: 'notes.md' }), { subject: 'notes.md', reason: 'is a relative path, but no workspace folder is open' });
    assert.deepEqual(locate({ value: '~/notes.md' }), { subject: '~/notes.md', reason: 'starts with ~, but there is no home folder here' });
  });

  it('resolves files, folders and globs to files once each, with what to watch and one problem per bad entry', async () => {
    const fs = memoryFs({
      'file:///work/repo/notes/aws.md': '- **EC2:** servers',
      'file:///work/repo/notes/more/s3.markdown': '- **S3:** objects',
      'file:///work/repo/notes/image.png': new Uint8Array([0, 1, 2]),
      'file:///work/repo/empty/readme.json': '{}',
    });
    const resolved = await resolveNotes(
      [
        { folder, value: 'notes' },
        { folder, value: 'notes/aws.md' },
        { folder, value: 'notes/**/*.md' },
        { folder, value: 'missing.md' },
        { folder, value: 'empty' },
        { folder, value: 'nothing/*.md' },
      ],
      fs,
    );
    assert.deepEqual(resolved.files, ['file:///work/repo/notes/aws.md', 'file:///work/repo/notes/more/s3.markdown']);
    assert.deepEqual(resolved.problems, [
      { subject: 'missing.md', reason: 'does not exist' },
      { subject: 'empty', reason: 'is a folder without Markdown files' },
      { subject: 'nothing/*.md', reason: 'matches no files' },
    ]);
    assert.deepEqual(resolved.watch.find((w) => w.glob === 'missing.md'), { base: 'file:///work/repo', glob: 'missing.md' }, 'a missing file is watched so that creating it is noticed');
  });

  it('reads a notes file, or says in a phrase why not: too large, binary, not UTF-8, gone', async () => {
    const fs = memoryFs({ 'file:///n/ok.md': 'hello', 'file:///n/big.md': 'x'.repeat(2000), 'file:///n/bin.md': new Uint8Array([104, 0, 105]), 'file:///n/latin1.md': new Uint8Array([0xe9, 0x74, 0xe9]) });
    assert.deepEqual(await readNotesFile(fs, 'file:///n/ok.md', 1000), { text: 'hello' });
    assert.match((await readNotesFile(fs, 'file:///n/big.md', 1000) as { reason: string }).reason, /^is larger than .* MB \(cloudCoach\.notes\.maxFileSizeMB\)$/);
    assert.deepEqual(await readNotesFile(fs, 'file:///n/bin.md', 1000), { reason: 'looks binary, not like Markdown' });
    assert.deepEqual(await readNotesFile(fs, 'file:///n/latin1.md', 1000), { reason: 'is not valid UTF-8 text' });
    assert.deepEqual(await readNotesFile(fs, 'file:///n/gone.md', 1000), { reason: 'does not exist' });
    assert.ok(!fs.reads.includes('file:///n/big.md'), 'an oversized file is not even read');
  });

  it('keys note ids by the path on disk for local files, as earlier versions did', () => {
    assert.equal(noteFileKey('file:///home/me/aws%20notes.md'), '/home/me/aws notes.md');
    assert.equal(noteFileKey('vscode-vfs://github/me/notes.md'), 'vscode-vfs://github/me/notes.md');
  });
});
