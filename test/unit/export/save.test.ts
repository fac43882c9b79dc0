import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { folderFileHost } from '../../../electron/export/host';
import { checkFolder, saveFileAtomically, type SaveFs } from '../../../electron/export/save';
import { translate } from '../../../shared/i18n/translate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pacer-save-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

function failing(op: keyof SaveFs, code: string): SaveFs {
  return {
    ...fs,
    [op]: () => {
      throw Object.assign(new Error(`${op} failed`), { code });
    },
  } as SaveFs;
}

function errorOf(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('saveFileAtomically', () => {
  it('writes the whole file and leaves no temporary file', () => {
    const file = path.join(dir, 'pack.xlsx');
    expect(saveFileAtomically(file, bytes('new'))).toEqual({ replaced: false });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['pack.xlsx']);
  });

  it('replaces an existing file in one step, and says so', () => {
    const file = path.join(dir, 'pack.xlsx');
    writeFileSync(file, 'old');
    expect(saveFileAtomically(file, bytes('new'))).toEqual({ replaced: true });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['pack.xlsx']);
  });

  it('names a file that stands where a folder should be, however deep below it', () => {
    const afile = path.join(dir, 'afile');
    writeFileSync(afile, 'data');
    for (const target of [path.join(afile, 'x.xlsx'), path.join(afile, 'a', 'b', 'x.xlsx')]) {
      const error = errorOf(() => saveFileAtomically(target, bytes('x')));
      expect(error).toMatchObject({ code: 'invalid_input', key: 'exports.errors.notAFolder' });
      expect(error.params?.file).toBe(afile);
      expect(translate('en', error.key ?? '', error.params)).toBe(
        `${afile} is a file, not a folder: save into a folder, or choose another path.`,
      );
      expect(translate('zh-CN', error.key ?? '', error.params)).toContain('是一个文件，不是文件夹');
    }
    expect(readFileSync(afile, 'utf8')).toBe('data');
    expect(() => checkFolder(dir)).not.toThrow();
  });

  it('refuses a missing folder with its name', () => {
    const error = errorOf(() =>
      saveFileAtomically(path.join(dir, 'nope', 'pack.xlsx'), bytes('x')),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.key).toBe('exports.errors.folderMissing');
    expect(error.params?.folder).toBe(path.join(dir, 'nope'));
  });

  it('says a read-only folder is read-only and writes nothing', () => {
    const error = errorOf(() =>
      saveFileAtomically(path.join(dir, 'pack.xlsx'), bytes('x'), failing('openSync', 'EROFS')),
    );
    expect(error.key).toBe('exports.errors.readOnly');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('asks to close the file in Excel when Windows refuses to replace it, keeping the old file', () => {
    const file = path.join(dir, 'pack.xlsx');
    writeFileSync(file, 'old');
    for (const code of ['EBUSY', 'EPERM']) {
      const error = errorOf(() =>
        saveFileAtomically(file, bytes('new'), failing('renameSync', code)),
      );
      expect(error.code).toBe('conflict');
      expect(error.key).toBe('exports.errors.locked');
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['pack.xlsx']);
    }
  });

  it('reports a full disk and removes the partial temporary file', () => {
    const error = errorOf(() =>
      saveFileAtomically(path.join(dir, 'pack.xlsx'), bytes('x'), failing('writeSync', 'ENOSPC')),
    );
    expect(error.key).toBe('exports.errors.diskFull');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder given as the file', () => {
    fs.mkdirSync(path.join(dir, 'pack.xlsx'));
    const error = errorOf(() => saveFileAtomically(path.join(dir, 'pack.xlsx'), bytes('x')));
    expect(error.key).toBe('exports.errors.isFolder');
  });
});

describe('folderFileHost', () => {
  it('saves under the suggested name and never over an existing file', async () => {
    const host = folderFileHost(dir);
    const first = await host.chooseSavePath({ suggestedName: 'a.xlsx', extensions: ['xlsx'] });
    expect(first).toBe(path.join(dir, 'a.xlsx'));
    writeFileSync(path.join(dir, 'a.xlsx'), 'x');
    const second = await host.chooseSavePath({ suggestedName: 'a.xlsx', extensions: ['xlsx'] });
    expect(second).toBe(path.join(dir, 'a (2).xlsx'));
    expect(host.canShowInFolder).toBe(false);
  });
});
