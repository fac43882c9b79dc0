// Bundles the Electron entry points and the CLI into dist-electron/ with esbuild.
// main and preload are CommonJS because Electron's sandboxed preload cannot load ESM and
// a CJS main starts without the ESM loader; the CLI stays ESM for bin/pacer.mjs, and so does the
// browser host.
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist-electron');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22', // Electron 45 ships Node 22
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  {
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(out, 'main.cjs'),
    format: 'cjs',
    // better-sqlite3 is native: it stays in node_modules, where electron-builder rebuilds it.
    external: ['electron', 'better-sqlite3'],
    // Plain-Node modules find their files via import.meta.url, which CJS lacks.
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  },
  {
    ...common,
    // The team-folder sync worker (electron/sync/worker.ts): a worker thread of the main
    // process, found beside main.cjs by electron/sync/service.ts.
    entryPoints: ['electron/sync/worker.ts'],
    outfile: path.join(out, 'sync-worker.cjs'),
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  },
  {
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(out, 'preload.cjs'),
    format: 'cjs',
    // A sandboxed preload may require only 'electron': everything else must be inlined.
    external: ['electron'],
    // The inlined contract brings all of zod (~750 KiB); minified it is read faster per window.
    minify: true,
  },
  {
    ...common,
    // The browser host (electron/web.ts): the end-to-end tests start one per test, and a bundle
    // starts in a fraction of the time tsx takes to compile the sources on every start.
    entryPoints: ['electron/web.ts'],
    outfile: path.join(out, 'web.mjs'),
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  },
  {
    ...common,
    entryPoints: ['electron/cli.ts'],
    outfile: path.join(out, 'cli.mjs'),
    format: 'esm',
    target: 'node20', // the CLI runs on the system Node (engines: >=20)
    // Only the native module stays outside, so the installed app needs no other package.
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  },
];

await Promise.all(entries.map((options) => build(options)));
for (const { outfile } of entries) {
  if (!existsSync(outfile)) throw new Error(`build-electron: ${outfile} was not written`);
  console.log(
    `${path.relative(root, outfile).padEnd(28)} ${(statSync(outfile).size / 1024).toFixed(0)} KiB`,
  );
}
