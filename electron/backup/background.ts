import { wantsQuickCheck } from '../core/context';
import { checkInBackground, type WorkerSettings } from '../sync/service';
import { damaged, type DatabaseDamagedError } from './integrity';

/**
 * A database too large to check before the window opens (`QUICK_CHECK_MAX_BYTES`) is checked
 * after it, on a worker thread, while the app is in use; `onDamaged` hears of damage. The check
 * waits `delayMs` first, so it does not compete with the first screen for the disk and CPU. A
 * file already checked at open is not checked again.
 */
export function checkAfterOpen(
  file: string,
  settings: WorkerSettings,
  onDamaged: (damage: DatabaseDamagedError) => void,
  options: { checkedAtOpen?: boolean; delayMs?: number } = {},
): Promise<void> {
  if (options.checkedAtOpen ?? wantsQuickCheck(file, 'auto')) return Promise.resolve();
  return new Promise<void>((resolve) => {
    setTimeout(resolve, options.delayMs ?? 90_000).unref();
  })
    .then(() => checkInBackground(file, settings))
    .then(
      (result) => {
        if (!result.ok) onDamaged(damaged(file, result.problems.join('; ')));
      },
      (error: unknown) => {
        console.error(
          `pacer: the background check of ${file} could not run: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
}
