// `npm test`: every test tier this machine can run, in order, ending non-zero on any failure.
//   build (compiles and validates content/) → types → lint → unit → install → integration → end-to-end
// The two browser tiers need Debian's Chromium and code-server (installed on first use into the cache,
// see scripts/codeServer.mjs). Without Chromium they are skipped with a notice, unless
// CLOUD_COACH_REQUIRE_ALL_TIERS=1 (as in .ci/run), which makes a missing tier a failure.
import { spawnSync } from 'node:child_process';
import { hasChromium, CHROMIUM } from './browser.mjs';

const steps = [
  { name: 'build', command: ['node', 'esbuild.js'] },
  { name: 'types', command: ['npx', 'tsc', '--noEmit', '-p', '.'], also: ['npx', 'tsc', '--noEmit', '-p', 'media'] },
  { name: 'lint', command: ['npx', 'eslint', '.'] },
  { name: 'unit', command: ['npx', 'mocha'] },
  // The first-run install from an empty cache, under this npm's environment (see scripts/checkInstall.mjs).
  { name: 'install', command: ['node', 'scripts/checkInstall.mjs'] },
  { name: 'integration', command: ['node', 'scripts/integration.mjs'], browser: true },
  { name: 'e2e', command: ['npx', 'mocha', '--config', 'test/e2e/.mocharc.json', 'test/e2e/**/*.e2e.ts'], browser: true },
];

const only = process.argv.slice(2);
const requireAll = process.env.CLOUD_COACH_REQUIRE_ALL_TIERS === '1';
const results = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  if (step.browser && !hasChromium()) {
    const message = `${step.name}: needs Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
    if (requireAll) {
      console.error(`\n✘ ${message}`);
      results.push({ name: step.name, ok: false, ms: 0 });
      continue;
    }
    console.warn(`\n! skipped ${message}`);
    results.push({ name: step.name, ok: true, skipped: true, ms: 0 });
    continue;
  }
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  let ok = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit' }).status === 0;
  if (ok && step.also) ok = spawnSync(step.also[0], step.also.slice(1), { stdio: 'inherit' }).status === 0;
  results.push({ name: step.name, ok, ms: Date.now() - started });
  // A broken build leaves nothing to test.
  if (!ok && step.name === 'build') break;
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.skipped ? '-' : r.ok ? '✔' : '✘'} ${r.name}${r.skipped ? ' (skipped)' : ` (${(r.ms / 1000).toFixed(1)} s)`}`);
process.exit(results.every((r) => r.ok) && results.length ? 0 : 1);
