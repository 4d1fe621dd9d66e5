/** The browser's web worker extension host (vscode.dev, github.dev): files through VS Code's file system API. */
import type * as vscode from 'vscode';
import * as engines from '../studyEngines';
import type { Engines, Platform } from './platform';

/** `fs` is `vscode.workspace.fs`, passed in by the web entry point (and by tests, a stand-in). */
export function webPlatform(fs: Pick<vscode.FileSystem, 'readFile'>): Platform {
  return {
    kind: 'web',
    readExtensionFile: async (uri) => fs.readFile(uri),
    loadEngines: async (): Promise<Engines> => engines,
  };
}
