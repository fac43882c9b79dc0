#!/usr/bin/env node
// The `pacer` command: runs the bundled CLI (dist-electron/cli.mjs) on the system Node.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist-electron/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('pacer: the CLI is not built; run `npm run build` first');
  process.exit(1);
}
// cli.mjs runs itself only when argv[1] ends in cli.mjs; here argv[1] is pacer.mjs, so main runs once.
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
