// `npm run dev`: the renderer with hot reload (Vite on 5173) in front of the browser host's
// API (on 5174), on a development database. Open the URL it prints.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dbArg = process.argv.indexOf('--db');
const db =
  dbArg > 0 ? path.resolve(process.argv[dbArg + 1]) : path.join(root, '.tmp', 'dev.sqlite');
mkdirSync(path.dirname(db), { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const children = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const api = spawn(
  bin('tsx'),
  ['watch', '--clear-screen=false', 'electron/web.ts', '--db', db, '--port', '5174'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(api);
let announced = false;
createInterface({ input: api.stdout }).on('line', (line) => {
  // The host prints its URL with the token in the fragment (never sent to a server).
  const token = /#token=([\w-]+)/.exec(line)?.[1];
  if (token && !announced) {
    announced = true;
    const vite = spawn(bin('vite'), [], { cwd: root, stdio: 'inherit' });
    children.push(vite);
    console.log(`\nPacer (development) on ${db}\nOpen http://127.0.0.1:5173/#token=${token}\n`);
  } else if (!token) {
    console.log(line);
  }
});
api.on('exit', (code) => {
  if (!announced) {
    console.error(`dev: the browser host exited (${code}) before it started`);
    process.exit(1);
  }
});
