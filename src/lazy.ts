/** Loads dist/heavy.js on first use (see src/heavy.ts). */
import * as path from 'node:path';
import type * as Heavy from './heavy';

let loaded: typeof Heavy | undefined;

export function heavy(): typeof Heavy {
  // A computed path keeps the bundler from inlining the module into extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require(path.join(__dirname, 'heavy.js')) as typeof Heavy);
}
