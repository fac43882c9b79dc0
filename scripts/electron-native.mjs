// Builds better-sqlite3 for Electron's ABI into .electron-native/ (docs/decisions/0002).
// node_modules/better-sqlite3 stays Node's build for the tests, the CLI and the browser
// host; only electron/main.ts (in development) loads the copy built here.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, '.electron-native');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const electronVersion = readJson(
  path.join(root, 'node_modules', 'electron', 'package.json'),
).version;
const sqliteVersion = readJson(
  path.join(root, 'node_modules', 'better-sqlite3', 'package.json'),
).version;
const binary = path.join(
  target,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);
const stamp = path.join(target, `${electronVersion}.stamp`);
// better-sqlite3's runtime dependencies; prebuild-install is found in the root node_modules.
const modules = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

function fail(reason) {
  console.error(
    `electron-native: could not build better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}: ${reason}` +
      ' (this step downloads a prebuilt binary or Electron headers, so it needs network access; node_modules/better-sqlite3 was not touched)',
  );
  process.exit(1);
}

// The stamp holds the better-sqlite3 version, so upgrading either package rebuilds.
if (
  existsSync(stamp) &&
  existsSync(binary) &&
  readFileSync(stamp, 'utf8').trim() === sqliteVersion
) {
  console.log(
    `electron-native: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date`,
  );
  process.exit(0);
}

const nodeBinary = path.join(
  root,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);
const nodeBinaryBefore = existsSync(nodeBinary) ? statSync(nodeBinary).mtimeMs : null;

rmSync(target, { recursive: true, force: true });
mkdirSync(path.join(target, 'node_modules'), { recursive: true });
const dependencies = {};
for (const name of modules) {
  const from = path.join(root, 'node_modules', name);
  if (!existsSync(from)) fail(`node_modules/${name} is missing (run npm ci)`);
  // Leave out Node's build/ so a stale Node binary can never pass for an Electron one.
  cpSync(from, path.join(target, 'node_modules', name), {
    recursive: true,
    filter: (src) =>
      !(name === 'better-sqlite3' && path.relative(from, src).split(path.sep)[0] === 'build'),
  });
  dependencies[name] = readJson(path.join(from, 'package.json')).version;
}
writeFileSync(
  path.join(target, 'package.json'),
  `${JSON.stringify({ name: 'pacer-electron-native', private: true, dependencies }, null, 2)}\n`,
);

let rebuild;
try {
  ({ rebuild } = await import('@electron/rebuild'));
} catch (error) {
  fail(
    `@electron/rebuild is not installed (${error instanceof Error ? error.message : String(error)})`,
  );
}

console.log(
  `electron-native: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`,
);
try {
  await rebuild({
    buildPath: target,
    // Stops the module search at .electron-native: without it @electron/rebuild walks up
    // to the project's node_modules and would rebuild Node's copy too.
    projectRootPath: target,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  fail(message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error');
}

if (nodeBinaryBefore !== null && statSync(nodeBinary).mtimeMs !== nodeBinaryBefore) {
  console.error(
    'electron-native: node_modules/better-sqlite3 was rebuilt by mistake; run `npm rebuild better-sqlite3`',
  );
  process.exit(1);
}
if (!existsSync(binary)) fail(`the rebuild finished but ${path.relative(root, binary)} is missing`);
for (const old of readdirSync(target).filter((f) => f.endsWith('.stamp')))
  rmSync(path.join(target, old));
writeFileSync(stamp, `${sqliteVersion}\n`);
console.log(`electron-native: wrote ${path.relative(root, binary)}`);
