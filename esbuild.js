// Builds the extension (dist/extension.js), the webview scripts (dist/media/*.js), copies the webview
// assets, and compiles content/ into dist/knowledge.json. Shape of the official extension generator:
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

async function main() {
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
    entryPoints: ['src/extension.ts', 'src/heavy.ts'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    external: ['vscode'],
  });
  const webviews = await esbuild.context({
    ...common,
    entryPoints: { quiz: 'media/quiz/main.ts', cheatSheet: 'media/cheatSheet/main.ts' },
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outdir: 'dist/media',
  });
  if (watch) {
    await Promise.all([extension.watch(), webviews.watch()]);
    let timer;
    fs.watch(path.join(__dirname, 'content'), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(compileContent, 200);
    });
  } else {
    await extension.rebuild();
    await webviews.rebuild();
    await extension.dispose();
    await webviews.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
