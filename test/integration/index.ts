/**
 * Entry point of the integration suite inside a VS Code extension host. `@vscode/test-electron` (see
 * .vscode-test.mjs) calls `run()`; on machines without its download, scripts/integration.mjs runs the
 * same suite in code-server's extension host through the small host extension in ./host.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(options: { reporter?: string; reporterOptions?: Record<string, unknown> } = {}): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: options.reporter ?? 'spec', reporterOptions: options.reporterOptions });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
