// Builds the extension (dist/extension.js), the webview scripts (dist/media/*.js), copies the webview
// assets, and compiles content/ into dist/knowledge*.json.gz. Shape of the official extension generator:
// `--production` minifies, `--watch` rebuilds and reports problems in the format the task's matcher reads.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').Plugin} */
const esbuildProblemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      console.log('[watch] build started');
    });
    build.onEnd((result) => {
      result.errors.forEach(({ text, location }) => {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      });
      console.log('[watch] build finished');
    });
  },
};

/** The web build must not reach for Node: any `node:` or built-in module import fails it, naming the importer. */
const noNodeModules = {
  name: 'no-node-modules-in-the-web-build',
  setup(build) {
    const builtins = new Set(require('node:module').builtinModules);
    build.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, '').split('/')[0];
      if (args.path.startsWith('node:') || (builtins.has(bare) && args.kind !== 'entry-point' && !args.path.startsWith('.'))) {
        return { errors: [{ text: `the web build imports the Node module "${args.path}" (from ${path.relative(__dirname, args.importer)}); keep Node-only code behind src/platform` }] };
      }
      return undefined;
    });
  },
};

/** Copies the files the webviews load at run time (codicons, webview components, CSS). */
function copyMediaAssets() {
  const out = path.join(__dirname, 'dist', 'media');
  fs.mkdirSync(out, { recursive: true });
  const copies = [
    [require.resolve('@vscode/codicons/dist/codicon.css'), 'codicon.css'],
    [require.resolve('@vscode/codicons/dist/codicon.ttf'), 'codicon.ttf'],
    [path.join(path.dirname(require.resolve('@vscode-elements/elements/package.json')), 'dist', 'bundled.js'), 'vscode-elements.js'],
  ];
  for (const file of fs.readdirSync(path.join(__dirname, 'media'))) {
    if (file.endsWith('.css')) copies.push([path.join(__dirname, 'media', file), file]);
  }
  for (const [from, to] of copies) fs.copyFileSync(from, path.join(out, to));
}

/** Compiles and validates content/; fails the build with file:line messages. */
function compileContent() {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'scripts', 'content.ts')], {
    stdio: 'inherit',
    cwd: __dirname,
  });
  return result.status === 0;
}

/** Bundles from an earlier build that this one no longer makes would otherwise be packaged. */
function removeOldBundles() {
  const dist = path.join(__dirname, 'dist');
  if (!fs.existsSync(dist)) return;
  for (const f of fs.readdirSync(dist)) if (/\.js(\.map)?$|^knowledge.*\.json$/.test(f)) fs.rmSync(path.join(dist, f));
  fs.rmSync(path.join(dist, 'web'), { recursive: true, force: true });
}

async function main() {
  if (!watch) removeOldBundles();
  copyMediaAssets();
  if (!compileContent() && !watch) process.exit(1);
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: watch ? [esbuildProblemMatcherPlugin] : [],
  };
  const extension = await esbuild.context({
    ...common,
    entryPoints: ['src/extension.ts', 'src/studyEngines.ts'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    external: ['vscode'],
  });
  // The same source for VS Code's web worker extension host (vscode.dev, github.dev): one bundle, no Node.
  const web = await esbuild.context({
    ...common,
    entryPoints: { extension: 'src/extension.web.ts' },
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    outdir: 'dist/web',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    plugins: [...common.plugins, noNodeModules],
  });
  const webviews = await esbuild.context({
    ...common,
    entryPoints: { quiz: 'media/quiz/main.ts', cheatSheet: 'media/cheatSheet/main.ts' },
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outdir: 'dist/media',
  });
  const contexts = [extension, web, webviews];
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    let timer;
    fs.watch(path.join(__dirname, 'content'), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(compileContent, 200);
    });
  } else {
    for (const c of contexts) {
      const result = await c.rebuild().catch((e) => e);
      await c.dispose();
      if (result instanceof Error) {
        for (const { text, location } of result.errors ?? []) console.error(`✘ ${location ? `${location.file}:${location.line}: ` : ''}${text}`);
        process.exit(1);
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
