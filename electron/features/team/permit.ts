import { judgeChange, type Author, type ProposedChange } from '../../core/permissions';
import type { AppContext } from '../../core/context';
import type { ErrorCode } from '../../../shared/contract/define';
import { AppError } from '../../core/errors';
import { visibility } from './visibility';

/** The signed-in user as the rules see them (core/permissions.ts). */
export function currentAuthor(ctx: AppContext): Author {
  const v = visibility(ctx);
  return { id: v.userId, role: v.role, owners: v.owners };
}

/**
 * Throws the rule's error when the signed-in user may not make `change`: the same judgement
 * sync makes again when another device applies it (sync/authorize.ts).
 */
export function assertPermitted(
  ctx: AppContext,
  change: Omit<ProposedChange, 'rowId'> & { rowId?: string },
  code: ErrorCode = 'conflict',
): void {
  const verdict = judgeChange({ rowId: '', ...change }, currentAuthor(ctx));
  if (!verdict.ok) throw new AppError(code, verdict.message, verdict.key, verdict.params);
}
