import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/build-if-stale.mjs');

/**
 * `npm start` runs scripts/build-if-stale.mjs. Here it runs on a stand-in project whose build
 * scripts only count how often they ran, so the test sees exactly what would be rebuilt.
 */
describe('npm start builds only what changed', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const count = (name: string): number => {
    try {
      return readFileSync(path.join(root, `${name}.count`), 'utf8').length;
    } catch {
      return 0;
    }
  };
  const start = () => {
    const result = spawnSync(process.execPath, [script], {
      env: { ...process.env, PACER_BUILD_ROOT: root },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout;
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'pacer-start-'));
    // Each build writes its output and appends one character to a counter.
    const build = (name: string, output: string) =>
      `node -e "const f=require('fs');f.mkdirSync('${path.dirname(output)}',{recursive:true});f.writeFileSync('${output}','x');f.appendFileSync('${name}.count','x')"`;
    write(
      'package.json',
      JSON.stringify({
        scripts: {
          'build:renderer': build('renderer', 'dist/renderer/index.html'),
          'build:electron': build('electron', 'dist-electron/main.cjs'),
        },
      }),
    );
    write('package-lock.json', '{}');
    write('tsconfig.json', '{}');
    write('renderer/main.tsx', 'one');
    write('electron/main.ts', 'one');
    write('shared/contract.ts', 'one');
    write('vite.config.ts', '');
    write('scripts/build-electron.mjs', '');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds both the first time, then neither until a source changes', () => {
    expect(start()).toContain('the renderer: building');
    expect([count('renderer'), count('electron')]).toEqual([1, 1]);
    const second = start();
    expect(second).toContain('the renderer: up to date');
    expect(second).toContain('the Electron bundles: up to date');
    expect([count('renderer'), count('electron')]).toEqual([1, 1]);
  });

  it('rebuilds only the side whose sources changed, both for shared code', () => {
    start();
    write('renderer/main.tsx', 'two');
    start();
    expect([count('renderer'), count('electron')]).toEqual([2, 1]);
    write('electron/db/migrations/0001.sql', 'new file');
    start();
    expect([count('renderer'), count('electron')]).toEqual([2, 2]);
    write('shared/contract.ts', 'two');
    start();
    expect([count('renderer'), count('electron')]).toEqual([3, 3]);
  });

  it('rebuilds when the output is gone, and a failed build leaves no stamp', () => {
    start();
    unlinkSync(path.join(root, 'dist-electron/main.cjs'));
    start();
    expect([count('renderer'), count('electron')]).toEqual([1, 2]);
    write('renderer/main.tsx', 'broken');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const good = pkg.scripts['build:renderer'] ?? '';
    pkg.scripts['build:renderer'] = 'node -e "process.exit(3)"';
    write('package.json', JSON.stringify(pkg));
    const failed = spawnSync(process.execPath, [script], {
      env: { ...process.env, PACER_BUILD_ROOT: root },
      encoding: 'utf8',
    });
    expect(failed.status).toBe(3);
    pkg.scripts['build:renderer'] = good;
    write('package.json', JSON.stringify(pkg));
    start();
    expect(count('renderer')).toBe(2);
  });
});
