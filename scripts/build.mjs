// Bundles the entry points with esbuild so the .vsix ships no node_modules tree.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // jsonc-parser's `main` is a UMD build whose factory requires its own modules at run time, which a bundle cannot
  // follow; its ESM build (`module`) bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // The chat, required by the client on its first use so that activation does not load it.
  esbuild.build({ ...common, entryPoints: ['client/src/chat/index.ts'], outfile: 'dist/chat.js', external: ['vscode'] }),
  // The server's main thread (no parser in it) and its worker threads (the engine): two bundles, TypeScript in one.
  esbuild.build({ ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/workerMain.ts'], outfile: 'dist/worker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/bench.ts'], outfile: 'dist/bench.js' }),
  esbuild.build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/chat/webview/main.ts'], outfile: 'dist/webview.js' }),
]);

// Each rule's docs page lives in its folder; the extension ships a copy the diagnostics link to.
mkdirSync('dist/docs/rules', { recursive: true });
for (const id of readdirSync('server/src/rules')) {
  const page = `server/src/rules/${id}/${id}.md`;
  if (existsSync(page)) copyFileSync(page, `dist/docs/rules/${id}.md`);
}

// Python is parsed by tree-sitter compiled to WebAssembly: the runtime and the grammar sit next to
// the bundles that load them (engine/python/tree.ts looks beside itself first).
for (const file of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, `dist/${file}`);

// The chat webview loads its icons locally (no remote resources under its CSP).
mkdirSync('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
