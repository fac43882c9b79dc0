// `npm start`: builds the renderer and the Electron bundles only when their sources changed
// since the last build. Each output folder keeps a stamp: a hash of every input file's path and
// content (plus the Node major that built it), so an edit, a checkout or an npm ci rebuilds
// what it touched and nothing else. `npm run build` still builds everything unconditionally.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// PACER_BUILD_ROOT lets a test run this on a stand-in project.
const root =
  process.env.PACER_BUILD_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every file under the given paths (files or folders), sorted, relative to the root. */
function files(inputs) {
  const found = [];
  const walk = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        walk(path.join(relative, name));
      }
    } else found.push(relative);
  };
  for (const input of inputs) walk(input);
  return found.sort();
}

function hash(inputs) {
  const digest = createHash('sha256');
  digest.update(`node ${process.versions.node.split('.')[0]}\n`);
  for (const file of files(inputs)) {
    digest.update(`${file}\n`);
    digest.update(readFileSync(path.join(root, file)));
  }
  return digest.digest('hex');
}

const shared = ['shared', 'package-lock.json', 'tsconfig.json'];
const targets = [
  {
    name: 'the renderer',
    script: 'build:renderer',
    stamp: 'dist/renderer/.build-stamp',
    output: 'dist/renderer/index.html',
    inputs: ['renderer', 'vite.config.ts', ...shared],
  },
  {
    name: 'the Electron bundles',
    script: 'build:electron',
    stamp: 'dist-electron/.build-stamp',
    output: 'dist-electron/main.cjs',
    inputs: ['electron', 'scripts/build-electron.mjs', ...shared],
  },
];

for (const target of targets) {
  const stampFile = path.join(root, target.stamp);
  const wanted = hash(target.inputs);
  const built =
    existsSync(path.join(root, target.output)) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8').trim() === wanted;
  if (built) {
    console.log(`build: ${target.name}: up to date`);
    continue;
  }
  console.log(`build: ${target.name}: building`);
  const result = spawnSync('npm', ['run', '--silent', target.script], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${wanted}\n`);
}
