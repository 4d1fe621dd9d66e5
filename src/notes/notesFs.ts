/** The notes file system (core/notes/sources.ts) on `vscode.workspace.fs`: local, remote and virtual alike. */
import * as vscode from 'vscode';
import type { NotesFileSystem } from '../core/notes/sources';

export const workspaceNotesFs: NotesFileSystem = {
  async stat(uri) {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      return { type: stat.type & vscode.FileType.Directory ? 'directory' : 'file', size: stat.size };
    } catch {
      return undefined;
    }
  },
  async findFiles(base, glob, limit) {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(base), glob), '**/node_modules/**', limit).then(undefined, () => []);
    return found.map((u) => u.toString());
  },
  async readFile(uri) {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
  },
};
