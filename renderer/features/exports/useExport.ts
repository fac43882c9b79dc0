import { useEffect, useState } from 'react';
import type { ExportResult } from '../../../shared/contract/exports';
import type { Input } from '../../../shared/contract';
import type { Progress } from '../../../shared/contract/bridge';
import { onProgress } from '../../api/client';
import { useApiMutation } from '../../api/queries';

type ExportMethod = 'exports.weeklyPack' | 'exports.table';
type Saved = Extract<ExportResult, { status: 'saved' }>;

/** Where one export is: nothing yet (or cancelled), running, saved, failed. */
export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'saved'; file: Saved }
  | { status: 'failed'; error: unknown };

/**
 * Runs an export in the main process and follows it: its progress reports (task
 * `exports.progress`, done 0..3), then the saved file or the error. A cancelled save dialog
 * leaves the state idle: the user changed their mind, there is nothing to say.
 */
export function useExport<M extends ExportMethod>(method: M) {
  const mutation = useApiMutation(method);
  const [progress, setProgress] = useState<Progress | null>(null);
  // Subscribed while mounted, so the event stream is open before the first report.
  useEffect(
    () =>
      onProgress((report) => {
        if (report.task.startsWith('exports.')) setProgress(report);
      }),
    [],
  );
  const run = (input: Input<M>) => {
    setProgress(null);
    mutation.reset();
    mutation.mutate(input);
  };
  const data = mutation.data as ExportResult | undefined;
  let state: ExportState = { status: 'idle' };
  if (mutation.isPending) state = { status: 'running', progress };
  else if (mutation.isError) state = { status: 'failed', error: mutation.error };
  else if (data?.status === 'saved') state = { status: 'saved', file: data };
  return { state, run, reset: () => mutation.reset() };
}
