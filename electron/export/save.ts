import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

/** The file operations an atomic save needs; tests inject failures through this. */
export type SaveFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync' | 'statSync'
>;

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Refuses a folder that cannot take a file: one that does not exist, or a path where a
 * file stands in for a folder (`out/report.xlsx/x.xlsx`): the message names that file.
 */
export function checkFolder(dir: string, fs: Pick<SaveFs, 'statSync'> = nodeFs): void {
  const kind = (p: string): 'folder' | 'file' | 'none' => {
    try {
      return fs.statSync(p).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'none';
    }
  };
  if (kind(dir) === 'folder') return;
  // The nearest part of the path that exists says what is wrong with it.
  for (let at = dir; ; at = path.dirname(at)) {
    const found = kind(at);
    if (found === 'file') {
      throw new AppError(
        'invalid_input',
        `${at} is a file, not a folder`,
        'exports.errors.notAFolder',
        { file: at, folder: dir },
      );
    }
    if (found === 'folder' || path.dirname(at) === at) break;
  }
  throw new AppError(
    'invalid_input',
    `the folder ${dir} does not exist`,
    'exports.errors.folderMissing',
    { folder: dir },
  );
}

/** What a save did: `replaced` says a file already at that path was replaced. */
export type Saved = { replaced: boolean };

/**
 * Writes `data` to `file` so that the file is either the old one or the whole new one: the
 * bytes go to a temporary file beside it (flushed to disk), which then replaces `file` by a
 * rename. A failure removes the temporary file and becomes an AppError the user can act on:
 * a missing folder, a read-only folder, a full disk, or a file held open by Excel (Windows
 * refuses to replace an open workbook: "close it in Excel and retry"). Answers whether it
 * replaced a file that was there.
 */
export function saveFileAtomically(file: string, data: Uint8Array, fs: SaveFs = nodeFs): Saved {
  const dir = path.dirname(file);
  checkFolder(dir, fs);
  let replaced = false;
  try {
    replaced = fs.statSync(file).isFile();
  } catch {
    // nothing there yet
  }
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  let stage: 'write' | 'replace' = 'write';
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      let offset = 0;
      while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    stage = 'replace';
    fs.renameSync(temp, file);
    return { replaced };
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // the temporary file could not be removed either; the error below is what matters
    }
    throw saveError(error, file, stage);
  }
}

function saveError(error: unknown, file: string, stage: 'write' | 'replace'): AppError {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const params = { file, folder: path.dirname(file) };
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('io', message, 'exports.errors.diskFull', params);
  // Windows: replacing a workbook Excel holds open fails with EBUSY or EPERM.
  if (stage === 'replace' && (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'))
    return new AppError('conflict', message, 'exports.errors.locked', params);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('io', message, 'exports.errors.readOnly', params);
  if (code === 'EISDIR')
    return new AppError('invalid_input', message, 'exports.errors.isFolder', params);
  return new AppError('io', message, 'exports.errors.write', params);
}
