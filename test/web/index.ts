/**
 * Entry point of the web test suite, run by @vscode/test-web in a browser's web worker extension host
 * (`npm run test:web`, on a machine that can download VS Code). Mocha's browser build runs the tests.
 */
import 'mocha/mocha.js';
import { defineTests } from './extension.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.setup({ ui: 'bdd', reporter: undefined, timeout: 30_000 });
    defineTests();
    mocha.run((failures) => (failures ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}
