import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Db } from './db/connection';
import { verifyPassword } from './features/app/passwords';
import { passwordHashOf } from './features/team/team.repo';
import { visibilityAs, type Visibility } from './features/team/visibility';

/** Where a command run by a script takes its password (`--user` without a prompt). */
export const PASSWORD_VARIABLE = 'PACER_PASSWORD';

/**
 * A password from `PACER_PASSWORD`, else asked on the terminal without echoing it; null when
 * there is neither (a script without the variable).
 */
export async function readPassword(prompt: string): Promise<string | null> {
  const fromEnv = process.env[PASSWORD_VARIABLE];
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) return null;
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/**
 * Whose data scope a CLI command reads with (decision 0022): the file's own user as the app
 * opens, or `--user`, which takes that person's password like switching user in the app.
 * Answers the visibility, or null after printing why not on `fail`.
 */
export async function cliVisibility(
  db: Db,
  asked: string | undefined,
  deviceUserId: string | null,
  fail: (line: string) => void,
): Promise<Visibility | null> {
  const as = visibilityAs(db, asked, deviceUserId);
  if (!as.ok) {
    fail(as.message);
    return null;
  }
  const userId = as.v.userId;
  if (asked === undefined || userId === null || userId === deviceUserId) return as.v;
  return (await provePassword(db, userId, asked, fail)) ? as.v : null;
}

/**
 * Asks for `userId`'s password (named `label` in messages) and checks it; false after printing
 * why on `fail` (no password yet, none given, wrong).
 */
export async function provePassword(
  db: Db,
  userId: string,
  label: string,
  fail: (line: string) => void,
): Promise<boolean> {
  const hash = passwordHashOf(db, userId);
  if (hash === null) {
    fail(`"${label}" has no password yet: a manager sets one in the app (Team → Reset password)`);
    return false;
  }
  const password = await readPassword(`Password for ${label}: `);
  if (password === null) {
    fail(`--user ${label} needs their password: set ${PASSWORD_VARIABLE} or run in a terminal`);
    return false;
  }
  if (!(await verifyPassword(password, hash))) {
    fail(`wrong password for "${label}"`);
    return false;
  }
  return true;
}
