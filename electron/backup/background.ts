import { wantsQuickCheck } from '../core/context';
import { checkInBackground, type WorkerSettings } from '../sync/service';
import { damaged, type DatabaseDamagedError } from './integrity';

/**
 * A database too large to check before the window opens (`QUICK_CHECK_MAX_BYTES`) is checked
 * right after, on a worker thread, while the app is in use; `onDamaged` hears of damage. A
 * file already checked at open is not checked again.
 */
export function checkAfterOpen(
  file: string,
  settings: WorkerSettings,
  onDamaged: (damage: DatabaseDamagedError) => void,
  checkedAtOpen: boolean = wantsQuickCheck(file, 'auto'),
): Promise<void> {
  if (checkedAtOpen) return Promise.resolve();
  return checkInBackground(file, settings).then(
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
