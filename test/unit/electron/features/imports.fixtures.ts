import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
import type { ImportMapping } from '../../../../shared/contract/imports';
import type { User } from '../../../../shared/contract/team';
import { call, type tempApp } from '../../helpers';

export type TestApp = ReturnType<typeof tempApp>;
export type Cell = string | number | boolean | null | CellObject;

/** A sheet from rows; a `CellObject` (e.g. `{ t: 'e', f: '...' }`) is placed as is. */
export function sheet(rows: Cell[][]): WorkSheet {
  const plain = rows.map((row) =>
    row.map((cell) => (cell !== null && typeof cell === 'object' ? null : cell)),
  );
  const ws = utils.aoa_to_sheet(plain);
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null && typeof cell === 'object') ws[utils.encode_cell({ r, c })] = cell;
    }),
  );
  ws['!ref'] = utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, rows.length - 1), c: Math.max(0, ...rows.map((r) => r.length - 1)) },
  });
  return ws;
}

/** A workbook's bytes in the given format (xlsx, biff8 for .xls, csv). */
export function workbookBytes(
  sheets: Record<string, WorkSheet>,
  bookType: 'xlsx' | 'biff8' | 'csv' = 'xlsx',
): Buffer {
  const wb = utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) utils.book_append_sheet(wb, ws, name);
  if (bookType === 'csv')
    return Buffer.from(utils.sheet_to_csv(wb.Sheets[wb.SheetNames[0] ?? ''] as WorkSheet), 'utf8');
  return write(wb, { type: 'buffer', bookType }) as Buffer;
}

/** Writes a fixture into the test's temp folder (as a user's file would be) and returns its path. */
export function saveFixture(app: TestApp, name: string, bytes: Buffer): string {
  const file = path.join(app.dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The people every import test works with: a manager (the importer) and three reps, Bob deactivated. */
export async function team(
  app: TestApp,
): Promise<{ manager: User; alice: User; bob: User; carol: User }> {
  const status = await call(app, 'app.createTeam', {
    teamName: '华东销售部',
    userName: '王经理',
    role: 'manager',
    password: 'test-password',
  });
  if (!status.currentUser?.teamId) throw new Error('no current user');
  const alice = await call(app, 'team.saveUser', {
    name: '张伟',
    role: 'rep',
    teamId: status.currentUser.teamId,
  });
  const bob = await call(app, 'team.saveUser', {
    name: 'Bob Li',
    role: 'rep',
    teamId: status.currentUser.teamId,
  });
  const carol = await call(app, 'team.saveUser', {
    name: 'Carol Wu',
    role: 'rep',
    teamId: status.currentUser.teamId,
  });
  await call(app, 'team.setUserActive', { id: bob.id, active: false });
  app.tick(60_000);
  return { manager: status.currentUser, alice, bob, carol };
}

/** Previews a file through dispatch, as the renderer does. */
export function preview(
  app: TestApp,
  bytes: Buffer,
  fileName = 'customers.xlsx',
  mapping?: ImportMapping,
) {
  return call(app, 'imports.previewCustomers', {
    fileName,
    dataBase64: bytes.toString('base64'),
    ...(mapping ? { mapping } : {}),
  });
}
