import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyPendingReplace,
  cancelReplace,
  pendingReplace,
  scheduleReplace,
} from '../../../../electron/db/replace';
import { openPlain } from '../../../../electron/db/connection';

let dir: string;
let file: string;
const now = new Date('2026-11-23T08:00:00.000Z');
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pacer-replace-'));
  file = path.join(dir, 'pacer.sqlite');
  writeFileSync(file, 'current');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('replacing the database at a restart', () => {
  it('does nothing without a pending replacement', () => {
    expect(applyPendingReplace(file, now)).toEqual({ applied: false });
    expect(readFileSync(file, 'utf8')).toBe('current');
  });

  it('moves a joined file into place and keeps the replaced one beside it', () => {
    const joined = path.join(dir, 'pacer.sqlite.joining');
    writeFileSync(joined, 'team');
    scheduleReplace(file, joined, 'join', now);
    expect(pendingReplace(file)).toMatchObject({ source: joined, reason: 'join' });
    const outcome = applyPendingReplace(file, now);
    expect(outcome).toMatchObject({ applied: true, reason: 'join' });
    expect(readFileSync(file, 'utf8')).toBe('team');
    expect(existsSync(joined)).toBe(false);
    expect(readFileSync(outcome.previous ?? '', 'utf8')).toBe('current');
    expect(outcome.previous).toContain('pacer.sqlite.before-join-2026-11-23T08-00-00-000Z.bak');
    expect(pendingReplace(file)).toBeNull();
  });

  it('copies a backup into place, leaving the backup and moving a crash-left WAL aside too', () => {
    const backup = path.join(dir, 'backup.sqlite');
    const copy = openPlain(backup);
    copy.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('old copy')");
    copy.close();
    const bytes = readFileSync(backup);
    writeFileSync(`${file}-wal`, 'wal');
    scheduleReplace(file, backup, 'restore', now);
    const outcome = applyPendingReplace(file, now);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readFileSync(backup).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(readFileSync(`${outcome.previous}-wal`, 'utf8')).toBe('wal');
  });

  it('drops a replacement whose source has gone, leaving the database alone', () => {
    scheduleReplace(file, path.join(dir, 'gone.sqlite'), 'restore', now);
    const outcome = applyPendingReplace(file, now);
    expect(outcome.applied).toBe(false);
    expect(outcome.error).toContain('gone.sqlite');
    expect(readFileSync(file, 'utf8')).toBe('current');
    expect(readdirSync(dir).sort()).toEqual(['pacer.sqlite']);
  });

  it('ignores and removes an unreadable marker', () => {
    writeFileSync(`${file}.replace.json`, '{not json');
    expect(applyPendingReplace(file, now)).toEqual({ applied: false });
    expect(readdirSync(dir)).toEqual(['pacer.sqlite']);
    cancelReplace(file);
  });
});
