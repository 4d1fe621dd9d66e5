/** The browser's web worker extension host (vscode.dev, github.dev): files through VS Code's file system API, gzip through the browser's. */
import type * as vscode from 'vscode';
import * as engines from '../studyEngines';
import type { Engines, Platform } from './platform';

/** `fs` is `vscode.workspace.fs`, passed in by the web entry point (and by tests, a stand-in). */
export function webPlatform(fs: Pick<vscode.FileSystem, 'readFile'>): Platform {
  return {
    kind: 'web',
    readExtensionFile: async (uri) => fs.readFile(uri),
    // The browser's own decompression, off the JavaScript thread's hot loop.
    gunzip: (bytes) => new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text(),
    loadEngines: async (): Promise<Engines> => engines,
  };
}
