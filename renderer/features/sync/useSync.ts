import { useEffect, useRef, useState } from 'react';
import type { Progress } from '../../../shared/contract/bridge';
import type { SyncStatus } from '../../../shared/contract/sync';
import { call, onProgress } from '../../api/client';
import { queryClient, useApiQuery } from '../../api/queries';

/**
 * Every synced table: a local commit changes the pending count, a pull announces what it
 * applied; either way the (cheap) status is read again.
 */
export const syncTables = [
  'teams',
  'users',
  'customers',
  'contacts',
  'activities',
  'follow_ups',
  'products',
  'deals',
  'deal_lines',
  'deal_checks',
  'stage_history',
  'deal_scores',
  'receivables',
  'collections',
  'visits',
  'meetings',
  'team_memberships',
  'targets',
  'calendar_days',
  'weekly_reports',
  'settings',
  'sync_conflicts',
] as const;

/** How often the header reads the state while a team folder is set (the main process syncs on its own). */
const POLL_MS = 3000;
/** Window focus asks for a round, at most this often. */
const FOCUS_THROTTLE_MS = 10_000;

/** The team folder's state, polled while one is set. */
export function useSyncStatus() {
  return useApiQuery('sync.status', {}, syncTables, {
    staleTime: 1000,
    refetchInterval: (query) => {
      const data = query.state.data as SyncStatus | undefined;
      return data && data.state !== 'off' ? POLL_MS : false;
    },
  });
}

/** Puts a status the main process answered with (after "sync now", create, leave) in place at once. */
export function showSyncStatus(status: SyncStatus): void {
  queryClient.setQueryData(['sync.status', {}], status);
}

/** Reads the status and "changes from the team" again (after restore, keep, leave…). */
export function refreshSync(): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => String(query.queryKey[0]).startsWith('sync.'),
  });
}

/** Runs a sync round now and shows its result. */
export async function syncNow(): Promise<SyncStatus> {
  const status = await call('sync.now', {});
  showSyncStatus(status);
  await queryClient.invalidateQueries({ queryKey: ['sync.conflicts'] });
  return status;
}

/** Coming back to the window runs a round (throttled), so the team's latest changes are there. */
export function useSyncOnFocus(enabled: boolean): void {
  const last = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const onFocus = () => {
      const now = Date.now();
      if (now - last.current < FOCUS_THROTTLE_MS) return;
      last.current = now;
      syncNow().catch(() => undefined);
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [enabled]);
}

/** The latest progress report of a join (or a long pull) in the main process. */
export function useSyncProgress(): { progress: Progress | null; reset: () => void } {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(
    () =>
      onProgress((report) => {
        if (report.task.startsWith('sync.')) setProgress(report);
      }),
    [],
  );
  return { progress, reset: () => setProgress(null) };
}

/** After a join (or anything that replaces the database): restart the host, then load the page anew. */
export async function restartApp(): Promise<void> {
  await call('app.restart', {});
  window.location.reload();
}
