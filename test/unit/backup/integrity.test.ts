import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, makeBackup } from '../../../electron/backup/backups';
import {
  checkFile,
  DatabaseDamagedError,
  readTeamFolder,
  recoveryOptions,
} from '../../../electron/backup/integrity';
import { recover, recoveryDialog } from '../../../electron/backup/recovery';
import { checkAfterOpen } from '../../../electron/backup/background';
import { openApp, QUICK_CHECK_MAX_BYTES, wantsQuickCheck } from '../../../electron/core/context';
import { setLocal } from '../../../electron/db/local-state';
import { applyPendingReplace, pendingReplace } from '../../../electron/db/replace';
import { createTeam } from '../../../electron/sync/team';
import { call, startTeam, tempApp } from '../helpers';

type App = ReturnType<typeof tempApp>;
const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.cleanup();
});

/** A closed database with a team and some customers; answers its file. */
async function filled(): Promise<App> {
  const app = tempApp();
  apps.push(app);
  await startTeam(app, ['李雷', '韩梅梅']);
  for (let i = 0; i < 200; i++)
    await call(app, 'customers.create', { name: `客户 ${i}`, ownerId: null, status: 'customer' });
  return app;
}

/** Writes garbage over pages `from`… of a closed database (page 1 holds the header). */
function garble(file: string, from: number, pages = Infinity): void {
  const pageSize = 4096;
  const total = Math.floor(statSync(file).size / pageSize);
  const fd = openSync(file, 'r+');
  try {
    for (let page = from; page <= Math.min(total, from + pages - 1); page++) {
      const junk = Buffer.alloc(pageSize);
      for (let i = 0; i < pageSize; i++) junk[i] = (page * 131 + i * 17) % 251;
      writeSync(fd, junk, 0, pageSize, (page - 1) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
}

function openError(file: string): unknown {
  try {
    openApp(file).close();
  } catch (error) {
    return error;
  }
  return null;
}

describe('the start-up check', () => {
  it('opens a sound database', async () => {
    const app = await filled();
    app.close();
    expect(openError(app.file)).toBeNull();
    expect(checkFile(app.file)).toEqual({ ok: true, problems: [] });
  });

  it('finds garbage over the data pages: DatabaseDamagedError naming the file and the newest backup', async () => {
    const app = await filled();
    const backup = await makeBackup(app.sqlite, app.file, { now: app.now() });
    app.close();
    const before = readFileSync(app.file);
    garble(app.file, 3);
    const garbled = readFileSync(app.file);
    const error = openError(app.file);
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    const damage = error as DatabaseDamagedError;
    expect(damage.file).toBe(app.file);
    expect(damage.detail).not.toBe('');
    expect(damage.latestBackup?.name).toBe(backup.name);
    // The check changed nothing: the damaged file is left for the user to decide.
    expect(readFileSync(app.file).equals(garbled)).toBe(true);
    expect(before.equals(garbled)).toBe(false);
  });

  it('finds a file that is not a database at all (SQLITE_NOTADB)', async () => {
    const app = await filled();
    app.close();
    garble(app.file, 1, 1);
    const error = openError(app.file);
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as DatabaseDamagedError).latestBackup).toBeNull();
    expect((error as DatabaseDamagedError).detail).toMatch(/not a database/);
  });

  it('finds a damaged index page that only quick_check reaches', async () => {
    const app = await filled();
    const root = (
      app.sqlite
        .prepare(
          "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'",
        )
        .get() as { rootpage: number }
    ).rootpage;
    app.close();
    garble(app.file, root, 1);
    expect(openError(app.file)).toBeInstanceOf(DatabaseDamagedError);
  });
});

describe('when the start-up check runs', () => {
  it('always when asked, never when not, and by size by default', () => {
    const app = tempApp();
    apps.push(app);
    const big = path.join(app.dir, 'big.sqlite');
    writeFileSync(big, '');
    truncateSync(big, QUICK_CHECK_MAX_BYTES + 1); // sparse: takes no room
    expect(wantsQuickCheck(app.file, undefined)).toBe(true);
    expect(wantsQuickCheck(app.file, 'auto')).toBe(true);
    expect(wantsQuickCheck(big, 'auto')).toBe(false);
    expect(wantsQuickCheck(big, true)).toBe(true);
    expect(wantsQuickCheck(app.file, false)).toBe(false);
    expect(wantsQuickCheck(path.join(app.dir, 'new.sqlite'), 'auto')).toBe(true);
  });

  it('a big file still gets its header and schema read: not a database is found', () => {
    const app = tempApp();
    apps.push(app);
    app.close();
    const big = path.join(app.dir, 'big.sqlite');
    writeFileSync(big, 'garbage '.repeat(1000));
    truncateSync(big, QUICK_CHECK_MAX_BYTES + 1);
    expect(openError(big)).toBeInstanceOf(DatabaseDamagedError);
  });
});

describe('recoveryOptions', () => {
  it('offers the newest sound backup, the team folder the backup names, and quitting', async () => {
    const app = await filled();
    const folder = path.join(app.dir, 'team');
    setLocal(app.sqlite, 'team_folder', folder);
    const older = await makeBackup(app.sqlite, app.file, { now: app.now() });
    app.tick(60 * 60 * 1000);
    const newer = await makeBackup(app.sqlite, app.file, { now: app.now() });
    app.close();
    garble(app.file, 1);
    expect(readTeamFolder(app.file)).toBeUndefined();
    expect(recoveryOptions(app.file)).toEqual([
      { kind: 'restore', backup: expect.objectContaining({ name: newer.name }) as unknown },
      { kind: 'rebuild', folder },
      { kind: 'quit' },
    ]);
    // A damaged newest backup is passed over.
    garble(newer.path, 1);
    expect(recoveryOptions(app.file)[0]).toEqual({
      kind: 'restore',
      backup: expect.objectContaining({ name: older.name }) as unknown,
    });
  });

  it('asks for the team folder when nothing readable names one', async () => {
    const app = await filled();
    app.close();
    garble(app.file, 1);
    expect(recoveryOptions(app.file)).toEqual([
      { kind: 'rebuild', folder: null },
      { kind: 'quit' },
    ]);
  });

  it('reads the team folder from the damaged file when it can; no team, no rebuild', async () => {
    const app = await filled();
    app.close();
    // Readable, holds no team: rebuilding from a team folder does not apply.
    expect(recoveryOptions(app.file)).toEqual([{ kind: 'quit' }]);
    const reopened = openApp(app.file);
    setLocal(reopened.sqlite, 'team_folder', '/mnt/team');
    reopened.close();
    expect(recoveryOptions(app.file)).toEqual([
      { kind: 'rebuild', folder: '/mnt/team' },
      { kind: 'quit' },
    ]);
  });

  it('has the dialog say what happened, with a button per option', async () => {
    const app = await filled();
    const backup = await makeBackup(app.sqlite, app.file, { now: app.now() });
    app.close();
    const damage = new DatabaseDamagedError(app.file, 'database disk image is malformed', backup);
    const options = recoveryOptions(app.file);
    const en = recoveryDialog(damage, options, 'en');
    expect(en.message).toBe('Pacer’s database is damaged');
    expect(en.detail).toContain(app.file);
    expect(en.buttons).toHaveLength(options.length);
    expect(en.buttons[0]).toMatch(/^Restore the latest backup \(/);
    expect(en.buttons.at(-1)).toBe('Quit');
    const zh = recoveryDialog(damage, [{ kind: 'quit' }], 'zh-CN');
    expect(zh.message).toBe('销售节拍的数据库已损坏');
    expect(zh.detail).toContain('没有可恢复的备份');
  });
});

describe('recover', () => {
  it('restore: the backup replaces the damaged file at the restart, which is kept', async () => {
    const app = await filled();
    const backup = await makeBackup(app.sqlite, app.file, { now: app.now() });
    app.close();
    garble(app.file, 3);
    const [option] = recoveryOptions(app.file);
    expect(option?.kind).toBe('restore');
    const outcome = await recover(option!, app.file, {
      chooseFolder: () => Promise.reject(new Error('not asked')),
    });
    expect(outcome).toBe('restart');
    expect(pendingReplace(app.file)).toMatchObject({ source: backup.path, reason: 'restore' });
    const replaced = applyPendingReplace(app.file);
    expect(replaced.applied).toBe(true);
    expect(checkFile(replaced.previous!).ok).toBe(false); // the damaged file, kept
    const reopened = openApp(app.file);
    expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({
      n: 200,
    });
    reopened.close();
  });

  it('rebuild: joins the team folder into a new file that replaces the damaged one', async () => {
    const app = await filled();
    const folder = path.join(app.dir, 'team');
    mkdirSync(folder);
    createTeam(app, folder, '华东销售部');
    const me = app.currentUserId();
    app.close();
    garble(app.file, 1);
    const options = recoveryOptions(app.file);
    expect(options).toEqual([{ kind: 'rebuild', folder: null }, { kind: 'quit' }]);
    // Cancelling the folder dialog asks again.
    expect(
      await recover(options[0]!, app.file, { chooseFolder: () => Promise.resolve(null) }),
    ).toBe('cancelled');
    expect(pendingReplace(app.file)).toBeNull();
    expect(
      await recover(options[0]!, app.file, { chooseFolder: () => Promise.resolve(folder) }),
    ).toBe('restart');
    const pending = pendingReplace(app.file);
    expect(pending?.reason).toBe('join');
    expect(existsSync(pending!.source)).toBe(true);
    const replaced = applyPendingReplace(app.file);
    expect(replaced.previous).toMatch(/before-join/);
    const reopened = openApp(app.file);
    try {
      expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({
        n: 200,
      });
      expect(reopened.currentUserId()).toBeNull(); // the damaged file could not say who
      expect(
        reopened.sqlite.prepare("SELECT value FROM local_state WHERE key = 'team_folder'").get(),
      ).toBeTruthy();
    } finally {
      reopened.close();
    }
    expect(me).not.toBeNull();
    expect(
      await recover({ kind: 'quit' }, app.file, { chooseFolder: () => Promise.resolve(null) }),
    ).toBe('quit');
  });

  it('a failed rebuild leaves nothing scheduled and no half-made file', async () => {
    const app = await filled();
    app.close();
    garble(app.file, 1);
    const empty = path.join(app.dir, 'not-a-team');
    mkdirSync(empty);
    await expect(
      recover({ kind: 'rebuild', folder: empty }, app.file, {
        chooseFolder: () => Promise.resolve(null),
      }),
    ).rejects.toThrow();
    expect(pendingReplace(app.file)).toBeNull();
    expect(readdirSync(app.dir).filter((f) => f.includes('rebuilt'))).toEqual([]);
    expect(backupFolder(app.file)).toBe(path.join(app.dir, 'backups'));
  });
});

describe('the background check of a large database', () => {
  it('runs quick_check on a worker thread and reports damage found after opening', async () => {
    const sound = await filled();
    sound.close();
    const heard: DatabaseDamagedError[] = [];
    await checkAfterOpen(sound.file, {}, (damage) => heard.push(damage), {
      checkedAtOpen: false,
      delayMs: 0,
    });
    expect(heard).toEqual([]);

    const broken = await filled();
    broken.close();
    garble(broken.file, 3, 4);
    await checkAfterOpen(broken.file, {}, (damage) => heard.push(damage), {
      checkedAtOpen: false,
      delayMs: 0,
    });
    expect(heard).toHaveLength(1);
    expect(heard[0]?.file).toBe(broken.file);
    expect(heard[0]?.detail).not.toBe('');
  });

  it('leaves a file alone that was checked when it opened', async () => {
    const app = await filled();
    app.close();
    garble(app.file, 3, 4);
    const heard: unknown[] = [];
    await checkAfterOpen(app.file, {}, (damage) => heard.push(damage), { checkedAtOpen: true });
    expect(heard).toEqual([]);
  });
});
