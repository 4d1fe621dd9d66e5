// Tier 2: the integration suite (test/integration, mocha against the vscode API) inside a real VS Code
// extension host. @vscode/test-electron downloads VS Code, which this machine cannot, so this runs the
// same compiled suite in code-server's extension host: a tiny host extension (test/integration/host)
// starts mocha there once a browser window has opened, and writes mocha's JSON report for us to read.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { ensureCodeServer, projectRoot, startCodeServer } from './codeServer.mjs';

const out = join(projectRoot, 'out', 'integration');

export async function buildIntegration() {
  rmSync(out, { recursive: true, force: true });
  const dir = join(projectRoot, 'test', 'integration');
  const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  await build({ entryPoints, outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], sourcemap: true, logLevel: 'warning' });
  // The same kind of suite for @vscode/test-web (npm run test:web): one browser bundle with mocha in it.
  await build({ entryPoints: [join(projectRoot, 'test', 'web', 'index.ts')], outfile: join(projectRoot, 'out', 'web-tests', 'index.js'), bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], sourcemap: true, logLevel: 'warning', define: { global: 'globalThis' } });
}

async function main() {
  await buildIntegration();
  if (process.argv.includes('--build-only')) return 0;
  ensureCodeServer();
  const state = mkdtempSync(join(tmpdir(), 'cloud-coach-integration-'));
  const report = join(state, 'report.json');
  const cs = await startCodeServer({
    workspace: join(projectRoot, 'samples'),
    extraExtensions: [join(projectRoot, 'test', 'integration', 'host')],
    env: { CLOUD_COACH_INTEGRATION_INDEX: join(out, 'index.js'), CLOUD_COACH_INTEGRATION_REPORT: report },
    settings: { 'chat.disableAIFeatures': true, 'cloudCoach.walkthrough.openOnFirstRun': false },
  });
  const browser = await launchChromium();
  let code;
  try {
    const page = await browser.newPage();
    await page.goto(cs.folderUrl);
    const deadline = Date.now() + 5 * 60_000;
    while (!existsSync(`${report}.done`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    if (!existsSync(`${report}.done`)) throw new Error('the integration suite did not finish within 5 minutes');
    const result = JSON.parse(readFileSync(report, 'utf8'));
    if (result.error) throw new Error(`the integration suite could not run:\n${result.error}`);
    for (const t of result.passes) console.log(`  ✔ ${t.fullTitle}`);
    for (const t of result.pending) console.log(`  - ${t.fullTitle} (skipped)`);
    for (const t of result.failures) console.log(`  ✘ ${t.fullTitle}\n      ${String(t.err?.stack ?? t.err?.message ?? '').split('\n').slice(0, 6).join('\n      ')}`);
    console.log(`\n  integration (code-server ${cs.url}): ${result.stats.passes} passing, ${result.stats.failures} failing`);
    code = result.stats.failures || !result.stats.passes ? 1 : 0;
  } finally {
    await browser.close();
    await cs.stop();
    rmSync(state, { recursive: true, force: true });
  }
  return code;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e.message ?? e);
      process.exit(1);
    },
  );
}
