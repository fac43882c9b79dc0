#!/usr/bin/env node
/**
 * `npm run lint`: ESLint (zero warnings) and Prettier's check, side by side rather than one
 * after the other (each leaves a core idle much of the time), both with their caches under
 * node_modules/.cache so a second run reads only the files that changed. Fails when either fails;
 * each tool's output is printed whole when it ends.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** A package's file by its path inside the package (their `exports` do not list their bins). */
const inPackage = (name, file) =>
  path.join(path.dirname(require.resolve(`${name}/package.json`)), file);
const tools = [
  {
    name: 'eslint',
    bin: inPackage('eslint', 'bin/eslint.js'),
    args: [
      '.',
      '--max-warnings',
      '0',
      '--cache',
      '--cache-location',
      'node_modules/.cache/eslint/',
    ],
  },
  {
    name: 'prettier',
    bin: inPackage('prettier', 'bin/prettier.cjs'),
    args: ['--check', '.', '--log-level', 'warn', '--cache'],
  },
];

const results = await Promise.all(
  tools.map(
    (tool) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tool.bin, ...tool.args], { stdio: 'pipe' });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => {
          if (output.trim()) process.stdout.write(`[${tool.name}]\n${output}`);
          resolve({ name: tool.name, code: code ?? 1 });
        });
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) {
  console.error(`lint failed: ${failed.join(', ')}`);
  process.exit(1);
}
