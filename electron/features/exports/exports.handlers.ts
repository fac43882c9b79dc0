import { existsSync } from 'node:fs';
import path from 'node:path';
import type { exportsContract, ExportResult } from '../../../shared/contract/exports';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { saveFileAtomically } from '../../export/save';
import { tableExport } from '../../export/tables';
import { buildWorkbook, type Sheet } from '../../export/workbook';
import { weeklyPack } from '../../export/weeklyPack';
import type { HandlersOf } from '../../ipc/dispatch';
import { allowedPackScope } from '../reports/scope';
import { visibility } from '../team/visibility';

/** Files this session exported: `exports.reveal` shows only these. */
const saved = new WeakMap<AppContext, Set<string>>();

/**
 * Asks the host where to save (with the suggested name), then builds the workbook and writes
 * it atomically: a cancelled dialog builds and writes nothing.
 */
async function saveWorkbook(
  ctx: AppContext,
  suggestedName: string,
  build: () => Promise<{ sheets: Sheet[]; title: string }>,
): Promise<ExportResult> {
  const target = await ctx.fileHost.chooseSavePath({ suggestedName, extensions: ['xlsx'] });
  if (target === null) return { status: 'cancelled' };
  const file = path.extname(target).toLowerCase() === '.xlsx' ? target : `${target}.xlsx`;
  const progress = (done: number) =>
    ctx.reportProgress({ task: 'exports.progress', done, total: 3 });
  progress(0);
  const { sheets, title } = await build();
  progress(1);
  const data = await buildWorkbook(sheets, { creator: 'Pacer', created: ctx.now(), title });
  progress(2);
  const { replaced } = saveFileAtomically(file, data);
  progress(3);
  const fileName = path.basename(file);
  const taken =
    fileName !== suggestedName && existsSync(path.join(path.dirname(file), suggestedName));
  let files = saved.get(ctx);
  if (!files) saved.set(ctx, (files = new Set()));
  files.add(path.resolve(file));
  return {
    status: 'saved',
    path: file,
    fileName,
    bytes: data.length,
    canReveal: ctx.fileHost.canShowInFolder,
    replaced,
    keptExisting: taken ? suggestedName : null,
  };
}

export const exportsHandlers: HandlersOf<typeof exportsContract> = {
  'exports.weeklyPack': (input, ctx) => {
    const scope = allowedPackScope(visibility(ctx), input.scope);
    const pack = weeklyPack(ctx.db, { ...input, scope }, ctx.now());
    return saveWorkbook(ctx, pack.fileName, () => pack.build());
  },
  'exports.table': (input, ctx) => {
    const table = tableExport(ctx.db, input, ctx.now(), ctx.currentUserId());
    return saveWorkbook(ctx, table.fileName, () => table.build());
  },
  'exports.reveal': async (input, ctx) => {
    const file = path.resolve(input.path);
    if (!saved.get(ctx)?.has(file))
      throw new AppError(
        'not_found',
        `${file} was not exported in this session`,
        'errors.notFound',
      );
    return { shown: await ctx.fileHost.showInFolder(file) };
  },
};
