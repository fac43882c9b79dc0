import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportResult, WeeklyPackInput } from '../../../shared/contract/exports';
import { translate } from '../../../shared/i18n/translate';
import { folderFileHost } from '../../../electron/export/host';
import { handlers } from '../../../electron/features/handlers';
import { dispatch } from '../../../electron/ipc/dispatch';
import { TODAY, reportsWorld, type World } from '../electron/features/reports.fixture';

/** Where `pacer export weekly` and the app put the pack: a file in the way, a file already there. */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const WEEK = '2026-W47';

let w: World;
beforeEach(() => {
  w = reportsWorld();
});
afterEach(() => w.cleanup());

/** Runs the real `pacer` entry in its own process. */
function pacer(...args: string[]) {
  const run = spawnSync(tsx, ['electron/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pacer export weekly --out', () => {
  const exportTo = (out: string) =>
    pacer('export', 'weekly', '--db', w.app.file, '--today', TODAY, '--week', WEEK, '--out', out);

  it('names the file that stands where a folder should be', () => {
    const afile = path.join(w.app.dir, 'afile');
    writeFileSync(afile, 'not a folder');
    const run = exportTo(path.join(afile, 'x.xlsx'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${afile} is a file, not a folder`);
    expect(run.stderr).not.toMatch(/does not exist/);
    expect(readFileSync(afile, 'utf8')).toBe('not a folder');
    // Deeper below the file, the same answer; a folder that is really missing says so.
    expect(exportTo(path.join(afile, 'sub', 'x.xlsx')).stderr).toContain(
      `${afile} is a file, not a folder`,
    );
    expect(exportTo(path.join(w.app.dir, 'nowhere', 'x.xlsx')).stderr).toMatch(
      /The folder .*nowhere does not exist/,
    );
  }, 60_000);

  it('says when it replaced a file that was there', () => {
    const out = path.join(w.app.dir, 'pack.xlsx');
    const first = exportTo(out);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/pack\.xlsx: 10 sheets, [\d,]+ bytes\n$/);
    expect(first.stdout).not.toContain('replaced');
    const second = exportTo(out);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('pack.xlsx: 10 sheets');
    expect(second.stdout).toContain('(replaced the file that was there)');
  }, 60_000);
});

describe('the app saving into a folder', () => {
  const input = (): WeeklyPackInput => ({
    week: WEEK,
    scope: { type: 'company' },
    language: 'zh-CN',
    today: TODAY,
  });
  const exportPack = async () => {
    const result = await dispatch(handlers, w.app, 'exports.weeklyPack', input());
    const value = result.ok ? (result.value as ExportResult) : null;
    if (value?.status !== 'saved') throw new Error(JSON.stringify(result));
    return value;
  };

  it('keeps a file already in the downloads folder, saves as "name (2)" and says so', async () => {
    const dir = path.join(w.app.dir, 'downloads');
    mkdirSync(dir);
    w.app.fileHost = folderFileHost(dir);
    const first = await exportPack();
    expect(first).toMatchObject({ replaced: false, keptExisting: null });
    const before = readFileSync(first.path);
    const second = await exportPack();
    expect(second.fileName).toBe(first.fileName.replace(/\.xlsx$/, ' (2).xlsx'));
    expect(second).toMatchObject({ replaced: false, keptExisting: first.fileName });
    expect(readFileSync(first.path).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([first.fileName, second.fileName].sort());
    expect(translate('en', 'exports.result.keptExisting', { name: first.fileName })).toContain(
      `A file named “${first.fileName}” was already in this folder`,
    );
  });

  it('says it replaced the file when the save dialog chose an existing one (the user agreed there)', async () => {
    const target = path.join(w.app.dir, 'chosen.xlsx');
    writeFileSync(target, 'old');
    w.app.fileHost = {
      ...folderFileHost(w.app.dir),
      chooseSavePath: () => Promise.resolve(target),
    };
    const saved = await exportPack();
    expect(saved).toMatchObject({ path: target, replaced: true, keptExisting: null });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(target)).toBe(true);
  });
});
