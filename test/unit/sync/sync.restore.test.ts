import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../electron/core/context';
import { applyPendingReplace, scheduleReplace } from '../../../electron/db/replace';
import { FolderTransport } from '../../../electron/sync/folder';
import { syncOnce } from '../../../electron/sync/sync';
import { dump, field, founder, joiner, makeWorld, newCustomer, type World } from './fixture';

let world: World;
afterEach(() => world.cleanup());

describe('restoring a backup of a device that syncs', () => {
  it('makes the copy a new device that gets its own later changes back from the folder', () => {
    world = makeWorld();
    const a = founder(world, 'A');
    const b = joiner(world, 'B', 11);
    const early = newCustomer(a, '华东机电');
    syncOnce(a, a.transport);

    // A backup of A (closed cleanly, so the file is whole), then more work that reaches the folder.
    const file = a.file;
    const backup = path.join(world.root, 'a-backup.sqlite');
    a.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(file, backup);
    const late = newCustomer(a, '苏州精工');
    a.commit([{ op: 'update', table: 'customers', id: early, values: { region: '华东' } }]);
    syncOnce(a, a.transport);
    const oldDevice = a.deviceId;
    a.close();

    scheduleReplace(file, backup, 'restore', new Date(world.t));
    expect(applyPendingReplace(file).applied).toBe(true);
    const restored = openApp(file, { now: () => new Date(world.t), deviceName: 'A' });
    try {
      expect(restored.deviceId).not.toBe(oldDevice);
      expect(field(restored, 'customers', late, 'name')).toBeUndefined();

      // Its first round pushes nothing under the old identity and pulls the old device's later batches.
      const transport = new FolderTransport(world.folder);
      const report = syncOnce(restored, transport);
      expect(report.pushError).toBeNull();
      expect(report.pullError).toBeNull();
      expect(field(restored, 'customers', late, 'name')).toBe('苏州精工');
      expect(field(restored, 'customers', early, 'region')).toBe('华东');

      // New work from the restored device reaches the others, and everyone converges.
      restored.commit([{ op: 'update', table: 'customers', id: late, values: { region: '江苏' } }]);
      syncOnce(restored, transport);
      syncOnce(b, b.transport);
      syncOnce(restored, transport);
      expect(field(b, 'customers', late, 'region')).toBe('江苏');
      expect(dump(b)).toEqual(dump(restored));
    } finally {
      restored.close();
      b.close();
    }
  });
});
