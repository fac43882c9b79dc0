import { ApiFailure } from '../../api/client';

/** An overlap with another visit of the rep: the form offers "plan anyway" (allowOverlap). */
export function isOverlap(error: unknown): boolean {
  return error instanceof ApiFailure && error.error.key === 'visitErrors.overlap';
}

/** Someone saved the visit after it was opened: reload before saving again. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiFailure && error.error.key === 'visitErrors.changedMeanwhile';
}
