// One fresh activation: requires the built bundle with a stand-in `vscode` module and times
// require → activate() returned. Prints the milliseconds. Run by scripts/bench.ts, ten times.
const Module = require('node:module');
const path = require('node:path');

/** Any property, call or construction returns another stand-in: enough for activate()'s registrations. */
function standIn(name) {
  const fn = function () {};
  return new Proxy(fn, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'fsPath' || prop === 'path') return `/nonexistent/${name}`;
      return standIn(`${name}.${String(prop)}`);
    },
    set: () => true,
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`),
  });
}

// The namespaces and classes the bundle imports, each a stand-in (the bundle copies the module's own keys).
const vscode = Object.fromEntries(
  ['window', 'workspace', 'languages', 'commands', 'env', 'extensions', 'Uri', 'EventEmitter', 'StatusBarAlignment', 'ViewColumn', 'ConfigurationTarget', 'FileType', 'RelativePattern', 'Position', 'Range', 'MarkdownString', 'Hover', 'TabInputWebview', 'Disposable', 'l10n'].map((k) => [k, standIn(k)]),
);
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const bundle = path.join(__dirname, '..', 'dist', 'extension.js');
const context = { subscriptions: [], extensionUri: standIn('extensionUri'), globalState: standIn('globalState') };
const started = process.hrtime.bigint();
try {
  const extension = require(bundle);
  const required = process.hrtime.bigint();
  Promise.resolve(extension.activate(context)).then(() => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Total, then its two parts: loading the bundle, and activate() itself.
    process.stdout.write(`${ms} ${Number(required - started) / 1e6} ${ms - Number(required - started) / 1e6}\n`);
    process.exit(0);
  });
} catch (e) {
  process.stderr.write(`activation failed: ${e.message}\n`);
  process.exit(1);
}
