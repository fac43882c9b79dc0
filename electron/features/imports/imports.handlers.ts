import type { importsContract } from '../../../shared/contract/imports';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { forgetSession, recallSession } from './cache';
import { breathe, commitJob, openSession, previewJob, runJobAsync } from './service';

function requireSession(ctx: AppContext, importId: string) {
  const session = recallSession(ctx, importId);
  if (!session) {
    throw new AppError(
      'not_found',
      `import ${importId} expired or was already imported`,
      'imports.errors.expired',
    );
  }
  return session;
}

/** Preview, re-map, commit and discard of customer imports; long work reports progress and yields. */
export const importsHandlers: HandlersOf<typeof importsContract> = {
  'imports.previewCustomers': async (input, ctx) => {
    // Reading is one call into the parser: say so first, so the window shows it is busy.
    ctx.reportProgress({ task: 'imports.progress.read', done: 0, total: 0 });
    await breathe();
    const session = openSession(ctx, input.fileName, Buffer.from(input.dataBase64, 'base64'));
    return runJobAsync(ctx, previewJob(ctx, session, input.mapping));
  },

  'imports.remapCustomers': (input, ctx) =>
    runJobAsync(ctx, previewJob(ctx, requireSession(ctx, input.importId), input.mapping)),

  'imports.commitCustomers': async (input, ctx) => {
    const session = requireSession(ctx, input.importId);
    if (session.committing)
      throw new AppError(
        'conflict',
        `import ${input.importId} is already running`,
        'imports.errors.busy',
      );
    session.committing = true;
    try {
      return await runJobAsync(ctx, commitJob(ctx, session, input.mapping, input.onDuplicate));
    } finally {
      session.committing = false;
    }
  },

  'imports.discard': (input, ctx) => {
    forgetSession(ctx, input.importId);
    return { ok: true as const };
  },
};
