import { useEffect, useState } from 'react';
import type { Progress } from '../../../shared/contract/bridge';
import { onProgress } from '../../api/client';

/**
 * The latest progress report of import work in the main process. `reset` clears it
 * before a new call, so a bar never starts from the previous call's numbers.
 */
export function useImportProgress(): { progress: Progress | null; reset: () => void } {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(
    () =>
      onProgress((report) => {
        if (report.task.startsWith('imports.')) setProgress(report);
      }),
    [],
  );
  return { progress, reset: () => setProgress(null) };
}

/** A chosen file's bytes as base64, read by the browser (the renderer never touches the disk). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
