import { openSqlite, type Sqlite } from './db/connection';
import { appliedMigrationCount, findMigrationsFolder, latestSchemaVersion } from './db/migrate';

/**
 * What the commands that read a database file (`pacer report`, `pacer export weekly`) share:
 * their options read as text, the local date as the default `--today`, `--scope` parsed, and
 * the file opened read-only at the current schema.
 */

/** A string option's value (undefined when absent or given as a flag). */
export function optionText(
  values: Record<string, string | boolean | undefined>,
  key: string,
): string | undefined {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
}

/** The local calendar day of `now` as `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * `--scope company` or `--scope <kind>:<id>` for one of `kinds`; anything else is the error
 * `mistake` makes of a message naming what is accepted.
 */
export function parseScope<K extends string>(
  value: string,
  kinds: readonly K[],
  mistake: (message: string) => Error,
): { type: 'company' } | { type: K; id: string } {
  if (value === 'company') return { type: 'company' };
  const match = new RegExp(`^(${kinds.join('|')}):(.+)$`).exec(value);
  if (!match?.[1] || !match[2]) {
    const accepted = ['company', ...kinds.map((k) => `${k}:<id>`)];
    const last = accepted.pop() ?? '';
    throw mistake(`--scope must be ${accepted.join(', ')} or ${last}, got "${value}"`);
  }
  return { type: match[1] as K, id: match[2] };
}

/**
 * Opens a database file read-only (nothing is written, nothing migrated) for a command. A file
 * at another schema version is refused: closed, said on `fail` (the app upgrades it on open),
 * and null answered. The caller closes what it gets.
 */
export function openCurrentReadOnly(file: string, fail: (line: string) => void): Sqlite | null {
  const sqlite = openSqlite(file, { readonly: true });
  try {
    const version = appliedMigrationCount(sqlite);
    const latest = latestSchemaVersion(findMigrationsFolder());
    if (version === latest) return sqlite;
    fail(
      `${file} is at schema version ${version} of ${latest}: open it with the app or \`pacer init --db\` to upgrade it first`,
    );
  } catch (error) {
    sqlite.close();
    throw error;
  }
  sqlite.close();
  return null;
}
