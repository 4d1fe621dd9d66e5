/** The desktop extension host: files through Node's `fs` and `zlib`, the study engines as their own lazily loaded bundle. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { URI } from 'vscode-uri';
import type { Engines, Platform } from './platform';

/** `distDir`: the folder of the built bundles (dist/), where studyEngines.js sits. */
export function nodePlatform(distDir: string): Platform {
  let engines: Engines | undefined;
  return {
    kind: 'node',
    readExtensionFile: (uri) => readFile(uri.fsPath),
    gunzip: async (bytes) => gunzipSync(bytes).toString('utf8'),
    async loadEngines() {
      // A computed path keeps the bundler from inlining the engines into extension.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (engines ??= require(join(distDir, 'studyEngines.js')) as Engines);
    },
    home: URI.file(homedir()).toString(),
  };
}
