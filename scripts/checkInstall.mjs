// The first-run install, checked as a new user meets it: from an empty cache folder, under `npm test`
// (so with the environment the outer npm exports). It installs Node 24 the way `npm start` does, then
// installs and rebuilds a probe package (test/fixtures/install-probe) through the same runNpm that
// installs code-server. The probe's install script fails exactly as code-server's does when npm runs it
// under another Node, so this fails whenever the first-time code-server install would break that way.
// As a control, the probe is also installed with the environment passed straight through, and that
// must fail whenever an outer npm is present: it shows the check can see the breakage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNode24, installEnv, projectRoot, runNpm } from './codeServer.mjs';

const probeSource = join(projectRoot, 'test', 'fixtures', 'install-probe');

function readReports(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
}

export function checkInstall(log = console.log) {
  const cache = mkdtempSync(join(tmpdir(), 'cloud-coach-empty-cache-'));
  const problems = [];
  try {
    const started = Date.now();
    const nodeDir = ensureNode24(cache, log);
    log(`  Node 24 installed into an empty cache in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    runNpm(['pack', '--silent', '--pack-destination', cache, probeSource], { nodeDir, cwd: cache });
    const tarball = join(cache, readdirSync(cache).find((f) => f.endsWith('.tgz')));

    const report = join(cache, 'probe.jsonl');
    process.env.CLOUD_COACH_PROBE_REPORT = report;
    const prefix = join(cache, 'probe');
    try {
      runNpm(['install', '--no-audit', '--no-fund', '--foreground-scripts', '--prefix', prefix, tarball], { nodeDir });
      runNpm(['rebuild', '--foreground-scripts'], { nodeDir, cwd: prefix });
    } catch (e) {
      problems.push(`the nested npm failed: ${e.message}`);
    }
    const seen = readReports(report);
    if (seen.length < 2) problems.push(`the probe's install script ran ${seen.length} time(s), expected 2 (install and rebuild)`);
    for (const r of seen) {
      if (!/node\/v24\./.test(r.agent)) problems.push(`npm's user agent named another Node: ${r.agent}`);
      if (!r.node.startsWith('v24.')) problems.push(`the install script ran on Node ${r.node}`);
      if (r.packageName !== 'cloud-coach-install-probe') problems.push(`npm_package_name leaked from the outer npm: ${r.packageName}`);
      if (r.nodedir !== nodeDir) problems.push(`npm_config_nodedir is ${r.nodedir}, expected ${nodeDir}`);
    }
    log(`  probe install and rebuild: ${seen.map((r) => `${r.lifecycle} on ${r.node} (${r.agent.split(' ').slice(0, 2).join(' ')})`).join('; ')}`);

    // The control: what the installer did before, the outer environment passed through with Node 24 on PATH.
    if (process.env.npm_config_user_agent) {
      rmSync(report, { force: true });
      const inherited = { ...process.env, PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeDir };
      const control = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--prefix', join(cache, 'control'), tarball], { env: inherited, encoding: 'utf8' });
      if (control.status === 0) problems.push('control: the probe passed with the inherited environment, so this check cannot see the breakage');
      else log('  control: with the outer npm environment passed through, the probe fails as code-server did');
    } else {
      log('  control skipped: not run under npm, so there is no outer npm environment to pass through');
    }
    // The environment itself: nothing from the outer npm but the machine's registry settings.
    const env = installEnv(process.env, nodeDir);
    const leaked = Object.keys(env).filter((k) => /^npm_/i.test(k) && !/^npm_config_(registry|proxy|https_proxy|http_proxy|noproxy|cafile|ca|strict_ssl|cache|userconfig|globalconfig|nodedir)$/.test(k));
    if (leaked.length) problems.push(`the nested npm would inherit ${leaked.join(', ')}`);
    if ('NODE' in env || 'INIT_CWD' in env) problems.push('the nested npm would inherit NODE or INIT_CWD');
  } finally {
    delete process.env.CLOUD_COACH_PROBE_REPORT;
    rmSync(cache, { recursive: true, force: true });
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkInstall();
  for (const p of problems) console.error(`  ✘ ${p}`);
  console.log(problems.length ? '\n  first-run install: broken' : '\n  first-run install: works from an empty cache');
  process.exit(problems.length ? 1 : 0);
}
