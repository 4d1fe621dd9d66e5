// The integration suite in a VS Code downloaded by @vscode/test-electron, for machines with network
// access (`npx vscode-test`). Offline, scripts/integration.mjs runs the same compiled suite in code-server.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  files: 'out/integration/**/*.test.js',
  workspaceFolder: './samples',
  version: 'stable',
  mocha: { ui: 'bdd', timeout: 60000 },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
});
