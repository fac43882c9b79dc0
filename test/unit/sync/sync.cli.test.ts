import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../electron/core/context';
import { hashPassword } from '../../../electron/features/app/passwords';
import { makeSyncCommands } from '../../../electron/sync/sync.cli';
import { makeWorld, type World } from './fixture';

let world: World;
afterEach(() => world.cleanup());

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  const commands = makeSyncCommands({ log: (l) => lines.push(l), error: (l) => errors.push(l) });
  return { commands, lines, errors };
}

describe('pacer sync / pacer team', () => {
  it('creates, joins, syncs and reports through the command functions', async () => {
    world = makeWorld();
    const fileA = path.join(world.root, 'a.sqlite');
    const fileB = path.join(world.root, 'b.sqlite');
    const a = openApp(fileA, { deviceName: 'laptop-a' });
    const userId = a.newId();
    a.setCurrentUserId(userId);
    a.commit([
      {
        op: 'insert',
        table: 'users',
        id: userId,
        values: {
          name: '王芳',
          role: 'manager',
          teamId: null,
          active: true,
          phone: null,
          email: null,
          passwordHash: hashPassword('wang-fang-pw'),
        },
      },
    ]);
    a.close();
    const { commands, lines, errors } = capture();

    expect(
      await commands.team.run({ db: fileA, folder: world.folder, name: '华东' }, ['create']),
    ).toBe(0);
    expect(lines.join('\n')).toMatch(/created team "华东"/);
    // `--user` signs the new device in only with that person's password.
    const fileC = path.join(world.root, 'c.sqlite');
    vi.stubEnv('PACER_PASSWORD', 'not-hers-at-all');
    expect(
      await commands.team.run({ db: fileC, folder: world.folder, user: '王芳' }, ['join']),
    ).toBe(1);
    expect(errors).toEqual([
      'pacer team: wrong password for "王芳"; the device joined with nobody signed in',
    ]);
    const c = openApp(fileC);
    expect(c.currentUserId()).toBeNull();
    c.close();
    errors.length = 0;
    vi.stubEnv('PACER_PASSWORD', 'wang-fang-pw');
    expect(
      await commands.team.run({ db: fileB, folder: world.folder, user: '王芳' }, ['join']),
    ).toBe(0);
    vi.unstubAllEnvs();
    expect(errors).toEqual([]);
    expect(lines.join('\n')).toMatch(/joined team "华东"/);

    const b = openApp(fileB);
    expect(b.currentUserId()).toBe(userId);
    const customer = b.newId();
    b.commit([
      {
        op: 'insert',
        table: 'customers',
        id: customer,
        values: { name: 'Acme', status: 'prospect', ownerId: userId, tags: '[]' },
      },
    ]);
    b.close();

    lines.length = 0;
    expect(await commands.sync.run({ db: fileB, once: true }, [])).toBe(0);
    expect(lines[0]).toMatch(/^synced: pushed \d+ changes in 1 batches/);
    expect(await commands.sync.run({ db: fileA, folder: world.folder, once: true }, [])).toBe(0);
    expect(lines[1]).toMatch(/pulled \d+ changes in 1 batches/);
    const check = openApp(fileA);
    expect(
      (
        check.sqlite.prepare('SELECT name FROM customers WHERE id = ?').get(customer) as {
          name: string;
        }
      ).name,
    ).toBe('Acme');
    check.close();

    lines.length = 0;
    expect(await commands.team.run({ db: fileA }, ['status'])).toBe(0);
    expect(lines.join('\n')).toMatch(/team\s+华东/);
    expect(lines.filter((l) => l.startsWith('device'))).toHaveLength(3); // A, B and C (joined, nobody signed in);
    expect(await commands.team.run({ db: fileA }, ['conflicts'])).toBe(0);
    expect(await commands.team.run({ db: fileA }, ['leave'])).toBe(0);
    expect(await commands.sync.run({ db: fileA, once: true }, [])).toBe(2);
    expect(errors.at(-1)).toMatch(/in no team/);
  });

  it('says what is wrong with the arguments', async () => {
    world = makeWorld();
    const { commands, errors } = capture();
    expect(await commands.team.run({}, ['frobnicate'])).toBe(2);
    expect(await commands.sync.run({ once: true }, [])).toBe(2);
    expect(await commands.team.run({ db: path.join(world.root, 'x.sqlite') }, ['create'])).toBe(2);
    expect(errors[0]).toMatch(/pacer team: say what to do/);
    expect(errors[1]).toMatch(/--db FILE is required/);
  });

  it('reports an unreachable folder with exit code 1 and keeps the file usable', async () => {
    world = makeWorld();
    const file = path.join(world.root, 'a.sqlite');
    const a = openApp(file);
    a.close();
    const { commands, lines } = capture();
    expect(await commands.team.run({ db: file, folder: world.folder, name: 'T' }, ['create'])).toBe(
      0,
    );
    expect(
      await commands.sync.run(
        { db: file, folder: path.join(world.root, 'not-mounted'), once: true },
        [],
      ),
    ).toBe(1);
    expect(lines.at(-2)).toMatch(/^offline:/);
  });

  it('team join refuses a folder without its snapshot (an error, no file); team snapshot publishes one', async () => {
    world = makeWorld();
    const fileA = path.join(world.root, 'a.sqlite');
    const a = openApp(fileA, { deviceName: 'laptop-a' });
    a.commit([
      {
        op: 'insert',
        table: 'teams',
        id: a.newId(),
        values: { name: '华东', managerId: null, parentId: null },
      },
    ]);
    a.close();
    const { commands, lines } = capture();
    expect(
      await commands.team.run({ db: fileA, folder: world.folder, name: '华东' }, ['create']),
    ).toBe(0);
    rmSync(path.join(world.folder, 'snapshots'), { recursive: true });
    const fileB = path.join(world.root, 'b.sqlite');
    // Errors other than usage propagate to electron/cli.ts, which prints them and exits 1.
    await expect(commands.team.run({ db: fileB, folder: world.folder }, ['join'])).rejects.toThrow(
      /holds no snapshot.*pacer team snapshot/,
    );
    expect(existsSync(fileB)).toBe(false);
    expect(await commands.team.run({ db: fileA }, ['snapshot'])).toBe(0);
    expect(lines.join('\n')).toMatch(/published snapshot \d{8}T\d{9}Z-/);
    expect(await commands.team.run({ db: fileB, folder: world.folder }, ['join'])).toBe(0);
    const b = openApp(fileB);
    expect((b.sqlite.prepare('SELECT count(*) AS n FROM teams').get() as { n: number }).n).toBe(1);
    b.close();
  });
});
