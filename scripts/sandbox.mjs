// `npm start`: builds the extension, then opens it in a real VS Code on this machine: code-server on
// loopback with throwaway settings, the extension installed, and the samples/ workspace. Prints the URL
// to open; Ctrl+C stops it. code-server and the Node 24 it needs are installed on first use into
// ~/.cache/cloud-coach (or $CLOUD_COACH_CACHE), outside the repository.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { codeServerVersion, ensureCodeServer, freePort, projectRoot, startCodeServer } from './codeServer.mjs';

async function main() {
  console.log('Building Cloud Coach ...');
  if (spawnSync(process.execPath, [join(projectRoot, 'esbuild.js')], { stdio: 'inherit', cwd: projectRoot }).status !== 0) {
    console.error('The build failed; fix the errors above and run npm start again.');
    return 1;
  }
  ensureCodeServer((line) => console.log(line));
  const wanted = Number(process.env.PORT) || 8080;
  const port = (await isFree(wanted)) ? wanted : await freePort();
  const workspace = join(projectRoot, 'samples');
  console.log(`Starting VS Code ${codeServerVersion()} (code-server) ...`);
  const cs = await startCodeServer({ workspace, port, settings: { 'chat.disableAIFeatures': true } });
  console.log(`
  Cloud Coach is running in a sandboxed VS Code:

    ${cs.folderUrl}

  Open that address in a browser on this machine. Try hovering AWS::EC2::Volume in
  cloudformation/web-stack.yaml, run "Cloud Coach: Start Quiz" from the command palette (F1),
  or open the Cloud Coach icon in the activity bar. Rebuild with "npm run watch" in another
  terminal and reload the browser tab to pick up changes.

  Press Ctrl+C to stop.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server ...');
    await cs.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  cs.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`code-server exited unexpectedly (${code}).\n${cs.output().split('\n').slice(-20).join('\n')}`);
      process.exit(1);
    }
  });
  return undefined;
}

async function isFree(port) {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (e) => {
    console.error(e.message ?? e);
    process.exit(1);
  },
);
