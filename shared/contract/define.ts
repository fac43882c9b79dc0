import type { z } from 'zod';

/** The small set of error codes every method may answer with (engineering.md §2). */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'read_only',
  'io',
  'unknown_method',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * An error as it crosses the boundary: `key` and `params` name a message in the i18n
 * catalogues so the renderer shows it in the user's language; `message` is the English
 * text for logs and the CLI.
 */
export type ApiError = {
  code: ErrorCode;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
  /** Per-field messages for forms: field name → i18n key. */
  fields?: Record<string, string>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
};

/** Declares one contract method; the doc comment goes on the property that holds it. */
export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): MethodSpec<I, O> {
  return { input, output };
}

export type Contract = Record<string, MethodSpec>;
export type InputOf<C extends Contract, M extends keyof C> = z.input<C[M]['input']>;
export type ParsedInputOf<C extends Contract, M extends keyof C> = z.output<C[M]['input']>;
export type OutputOf<C extends Contract, M extends keyof C> = z.output<C[M]['output']>;
