import type { z } from 'zod';
import { contract, type AppContract, type MethodName, type Result } from '../../shared/contract';
import type { Contract } from '../../shared/contract/define';
import type { AppContext } from '../core/context';
import { AppError } from '../core/errors';

/** Handlers for a slice of the contract: parsed input in, plain data out. */
export type HandlersOf<C extends Contract> = {
  [M in keyof C]: (
    input: z.output<C[M]['input']>,
    ctx: AppContext,
  ) => z.input<C[M]['output']> | Promise<z.input<C[M]['output']>>;
};
export type AllHandlers = HandlersOf<AppContract>;

/** Turns zod issues into one message and a field → i18n key map for forms. */
function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (!fields[field])
      fields[field] = issue.message.startsWith('validation.')
        ? issue.message
        : 'validation.invalid';
  }
  const summary = error.issues
    .map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`)
    .join('; ');
  return new AppError(
    'invalid_input',
    `invalid input: ${summary}`,
    'errors.invalidInput',
    undefined,
    fields,
  );
}

/**
 * The one path every call takes, whichever host carries it (Electron IPC, the browser
 * host's HTTP, the CLI): known method → zod parse → handler → `Result`.
 */
export async function dispatch(
  handlers: AllHandlers,
  ctx: AppContext,
  method: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, method)) {
    return {
      ok: false,
      error: {
        code: 'unknown_method',
        message: `unknown method ${method}`,
        key: 'errors.unknownMethod',
      },
    };
  }
  const name = method as MethodName;
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toApiError() };
  try {
    const handler = handlers[name] as (input: unknown, ctx: AppContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    const disk = diskErrorKey(error);
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: disk
        ? { code: 'io', message, key: disk }
        : { code: 'internal', message, key: 'errors.internal' },
    };
  }
}

/**
 * The message key of an error from the disk or the file (code `io`), or null: a full disk
 * says so (the commit was rolled back; nothing saved before is lost), other I/O errors share one.
 */
export function diskErrorKey(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (/^SQLITE_FULL/.test(code)) return 'errors.diskFull';
  return /^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT)/.test(code) ? 'errors.io' : null;
}
