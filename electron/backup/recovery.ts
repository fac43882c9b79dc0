import { rmSync } from 'node:fs';
import path from 'node:path';
import type { AppOptions } from '../core/context';
import { scheduleReplace } from '../db/replace';
import { joinTeam } from '../sync/team';
import { translator, type Language } from '../../shared/i18n/translate';
import { readLocalTolerant, type DatabaseDamagedError, type RecoveryOption } from './integrity';

/** The damaged-database dialog's text and buttons (one per option, in order), in `language`. */
export function recoveryDialog(
  error: DatabaseDamagedError,
  options: readonly RecoveryOption[],
  language: Language,
): { title: string; message: string; detail: string; buttons: string[] } {
  const t = translator(language);
  const time = (iso: string) =>
    new Date(iso).toLocaleString(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  const lines = [t('backup.damaged.detail', { file: error.file, problem: error.detail })];
  if (!options.some((o) => o.kind === 'restore')) lines.push(t('backup.damaged.noBackup'));
  return {
    title: t('app.name'),
    message: t('backup.damaged.title'),
    detail: lines.join('\n\n'),
    buttons: options.map((option) =>
      option.kind === 'restore'
        ? t('backup.damaged.restore', { time: time(option.backup.at) })
        : option.kind === 'rebuild'
          ? t('backup.damaged.rebuild')
          : t('backup.damaged.quit'),
    ),
  };
}

export type RecoverDeps = {
  /** Asks where the team folder is (rebuilding when the damaged file does not say); null: cancelled. */
  chooseFolder: () => Promise<string | null>;
  now?: () => Date;
  /** How the rebuilt file is opened (the Electron build of better-sqlite3, the migrations). */
  appOptions?: AppOptions;
};

/**
 * Carries out the chosen recovery of the damaged `file`: schedules its replacement (the
 * damaged file is moved aside, never overwritten, by `applyPendingReplace` at the restart).
 * Answers 'restart' when the host should relaunch, 'quit', or 'cancelled' (ask again).
 */
export async function recover(
  option: RecoveryOption,
  file: string,
  deps: RecoverDeps,
): Promise<'restart' | 'quit' | 'cancelled'> {
  const now = deps.now ?? (() => new Date());
  if (option.kind === 'quit') return 'quit';
  if (option.kind === 'restore') {
    scheduleReplace(file, option.backup.path, 'restore', now());
    return 'restart';
  }
  const folder = option.folder ?? (await deps.chooseFolder());
  if (!folder) return 'cancelled';
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const rebuilt = path.join(path.dirname(file), `${path.basename(file)}.rebuilt-${stamp}`);
  try {
    // Whoever used this device goes on using it, if the damaged file still says who.
    const userId = readLocalTolerant(file, 'current_user_id');
    const joined = joinTeam(rebuilt, folder, {
      ...(deps.appOptions ? { appOptions: deps.appOptions } : {}),
      ...(userId ? { userId } : {}),
    });
    joined.ctx.close();
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(rebuilt + suffix, { force: true });
    throw error;
  }
  scheduleReplace(file, rebuilt, 'join', now());
  return 'restart';
}
