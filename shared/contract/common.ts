import { z } from 'zod';

/** A UUIDv7 (or any UUID) row id. */
export const id = z.uuid();

/** Trimmed text that must not be empty; `max` guards the database from pasted novels. */
export const requiredText = (max = 200) =>
  z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

/** Optional free text: empty strings are stored as null. */
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .nullish()
    .transform((v) => (v ? v : null));

export const phone = z
  .string()
  .trim()
  .max(40, 'validation.tooLong')
  .regex(/^[0-9+()\-\s转#*.]*$/, 'validation.phone')
  .nullish()
  .transform((v) => (v ? v : null));

export const email = z
  .string()
  .trim()
  .max(200, 'validation.tooLong')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'validation.email')
  .nullish()
  .transform((v) => (v ? v : null));

export const empty = z.object({}).strict().optional().default({});

export const ok = z.object({ ok: z.literal(true) });

export const pageInput = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

/**
 * A calendar date, YYYY-MM-DD, that really exists (no 2026-02-30, no month 13) and lies in
 * 2000–2099, so a typo'd 2206 never becomes a due date.
 */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((d) => {
    const [y = 0, m = 0, dd = 0] = d.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, dd));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === dd;
  }, 'validation.date')
  .refine((d) => d >= '2000-01-01' && d < '2100-01-01', 'validation.range');
