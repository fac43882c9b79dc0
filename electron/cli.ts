import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openApp, type AppContext } from './core/context';
import { openSqlite } from './db/connection';
import { appliedMigrationCount, findMigrationsFolder, latestSchemaVersion } from './db/migrate';
import { generateDemo } from './demo';
import { syncedTables } from './core/tables';
import { syncCommands } from './sync/sync.cli';
import { backupFolder, listBackups, makeBackup } from './backup/backups';
import { checkFile, integrityCheck } from './backup/integrity';
import { applyPendingReplace, scheduleReplace } from './db/replace';
import {
  ExportArgError,
  exportCommandInput,
  exportOptions,
  runExportCommand,
} from './export/weeklyPack.cli';
import { MapError, runImportCommand } from './features/imports/imports.cli';
import {
  ReportArgError,
  reportCommandInput,
  reportOptions,
  runReportCommand,
} from './features/reports/reports.cli';

/** One command of `pacer`: its usage line, options, and what it does. */
type Command = {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; description: string }>;
  /** Words after the options' names the command takes (`import customers FILE`); none when absent. */
  positionals?: boolean;
  /** The exit code; a command that writes files (export) may answer it later. */
  run: (
    values: Record<string, string | boolean | undefined>,
    positionals: string[],
  ) => number | Promise<number>;
};

class UsageError extends Error {}

function requireDb(
  values: Record<string, string | boolean | undefined>,
  mustExist: boolean,
): string {
  const db = values.db;
  if (typeof db !== 'string' || db === '') throw new UsageError('--db FILE is required');
  if (mustExist && !existsSync(db)) throw new UsageError(`no database at ${db}`);
  return path.resolve(db);
}

function withApp<T>(file: string, fn: (ctx: AppContext) => T): T {
  const ctx = openApp(file);
  try {
    return fn(ctx);
  } finally {
    ctx.close();
  }
}

const commands: Record<string, Command> = {
  init: {
    summary: 'create an empty Pacer database (or bring an existing one to the latest schema)',
    usage: 'pacer init --db FILE',
    options: { db: { type: 'string', description: 'the database file' } },
    run(values) {
      const file = requireDb(values, false);
      const report = withApp(file, (ctx) => ctx.migration);
      console.log(
        `${file}: schema version ${report.to}${report.backup ? ` (backup ${report.backup})` : ''}`,
      );
      return 0;
    },
  },
  demo: {
    summary: 'fill an empty database with a deterministic demo team',
    usage: 'pacer demo --db FILE --size small|large [--seed N] [--today YYYY-MM-DD]',
    options: {
      db: {
        type: 'string',
        description: 'the database file (created if missing; must hold no team)',
      },
      size: {
        type: 'string',
        description: 'small (1 team, 6 reps, 300 customers) or large (50 reps, 20,000 customers)',
      },
      seed: {
        type: 'string',
        description: 'random seed; the same seed makes the same team (default 1)',
      },
      today: { type: 'string', description: 'the last day of the demo history (default: today)' },
    },
    run(values) {
      const file = requireDb(values, false);
      const size = values.size;
      if (size !== 'small' && size !== 'large')
        throw new UsageError('--size must be small or large');
      const seed = values.seed === undefined ? 1 : Number(values.seed);
      if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
      const today = typeof values.today === 'string' ? values.today : undefined;
      const report = withApp(file, (ctx) =>
        generateDemo(ctx, { size, seed, ...(today ? { today } : {}) }),
      );
      const counts = Object.entries(report.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      console.log(
        `${file}: ${size} demo (seed ${seed}, today ${report.today}) in ${report.ms} ms: ${counts}`,
      );
      return 0;
    },
  },
  check: {
    summary: 'check a database: integrity, schema version, row counts, backups',
    usage: 'pacer check --db FILE',
    options: { db: { type: 'string', description: 'the database file' } },
    run(values) {
      const file = requireDb(values, true);
      // Which backups there are to restore from: listed when there are any, and "none" when
      // the check fails (what could replace the file).
      const printBackups = (failed: boolean) => {
        const folder = backupFolder(file);
        const backups = listBackups(folder);
        if (backups.length === 0) {
          if (failed) console.log('backups         none');
          return;
        }
        console.log(`backups         ${backups.length} in ${folder}`);
        for (const backup of backups)
          console.log(`  ${backup.name}  ${backup.at}  ${backup.bytes} bytes`);
      };
      // Read-only and without migrating: a check must not change the file it checks.
      let sqlite;
      let integrity;
      try {
        sqlite = openSqlite(file, { readonly: true });
        integrity = integrityCheck(sqlite);
      } catch (error) {
        // Not a database at all, or too damaged to check: say so, and what could replace it.
        sqlite?.close();
        console.error(`pacer check: ${error instanceof Error ? error.message : String(error)}`);
        printBackups(true);
        return 1;
      }
      try {
        const integrityOk = integrity.ok;
        const version = appliedMigrationCount(sqlite);
        const latest = latestSchemaVersion(findMigrationsFolder());
        console.log(`database        ${file}`);
        console.log(`integrity       ${integrityOk ? 'ok' : integrity.problems.join('; ')}`);
        console.log(
          `schema version  ${version} of ${latest}${version < latest ? ' (the app upgrades it when it opens the file)' : ''}`,
        );
        let tablesOk = true;
        for (const table of [...Object.keys(syncedTables), 'change_log', 'devices']) {
          try {
            const row = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as {
              n: number;
            };
            console.log(`${table.padEnd(15)} ${row.n}`);
          } catch {
            tablesOk = false;
            console.log(`${table.padEnd(15)} missing`);
          }
        }
        const ok = integrityOk && version === latest && tablesOk;
        printBackups(!ok);
        return ok ? 0 : 1;
      } finally {
        sqlite.close();
      }
    },
  },
  backup: {
    summary:
      "copy a database with SQLite's backup API (into backups/ beside it; the newest 14 kept)",
    usage: 'pacer backup --db FILE [--out DIR]',
    options: {
      db: { type: 'string', description: 'the database file (read, never changed)' },
      out: { type: 'string', description: 'the folder to write into (default: backups beside it)' },
    },
    async run(values) {
      const file = requireDb(values, true);
      const folder = typeof values.out === 'string' ? path.resolve(values.out) : undefined;
      const sqlite = openSqlite(file, { readonly: true });
      try {
        const backup = await makeBackup(sqlite, file, folder ? { folder } : {});
        console.log(`${backup.path} (${backup.bytes} bytes)`);
        return 0;
      } finally {
        sqlite.close();
      }
    },
  },
  restore: {
    summary:
      'replace a database by a backup (the current file is kept beside it); Pacer must be closed',
    usage: 'pacer restore --db FILE --from BACKUP.sqlite',
    options: {
      db: { type: 'string', description: 'the database file to replace' },
      from: { type: 'string', description: 'the backup to restore' },
    },
    run(values) {
      const file = requireDb(values, false);
      const from = values.from;
      if (typeof from !== 'string' || from === '')
        throw new UsageError('--from BACKUP is required');
      const source = path.resolve(from);
      if (!existsSync(source)) throw new UsageError(`no backup at ${from}`);
      if (source === file) throw new UsageError('--from is the database itself');
      const check = checkFile(source);
      if (!check.ok) {
        console.error(`pacer restore: ${from} is damaged: ${check.problems.join('; ')}`);
        return 1;
      }
      scheduleReplace(file, source, 'restore', new Date());
      const outcome = applyPendingReplace(file);
      if (!outcome.applied) {
        console.error(`pacer restore: ${outcome.error ?? 'nothing was restored'}`);
        return 1;
      }
      console.log(
        `${file}: restored from ${source}${outcome.previous ? `; the replaced file is ${outcome.previous}` : ''}`,
      );
      return 0;
    },
  },
  import: {
    summary: 'import customers from an Excel or CSV file (all valid rows in one transaction)',
    usage:
      'pacer import customers --db FILE [--dry-run] [--map JSON] [--on-duplicate skip|update] SPREADSHEET',
    options: {
      db: { type: 'string', description: 'the database file' },
      'dry-run': {
        type: 'boolean',
        description: 'check the file and print what would happen; write nothing',
      },
      map: {
        type: 'string',
        description: 'column → field, over the guess: {"客户名称":"name","C":"phone","备注":null}',
      },
      'on-duplicate': {
        type: 'string',
        description: 'customers that already exist: skip (default) or update',
      },
    },
    positionals: true,
    run(values, positionals) {
      const [what, spreadsheet, ...extra] = positionals;
      if (what !== 'customers')
        throw new UsageError('say what to import: pacer import customers … SPREADSHEET');
      if (!spreadsheet || extra.length > 0)
        throw new UsageError('give exactly one spreadsheet file');
      if (!existsSync(spreadsheet)) throw new UsageError(`no file at ${spreadsheet}`);
      const onDuplicate = values['on-duplicate'] ?? 'skip';
      if (onDuplicate !== 'skip' && onDuplicate !== 'update')
        throw new UsageError('--on-duplicate must be skip or update');
      const file = requireDb(values, true);
      const bytes = readFileSync(spreadsheet);
      const map = typeof values.map === 'string' ? values.map : undefined;
      try {
        return withApp(file, (ctx) =>
          runImportCommand(
            ctx,
            {
              fileName: path.basename(spreadsheet),
              bytes,
              dryRun: values['dry-run'] === true,
              onDuplicate,
              ...(map === undefined ? {} : { map }),
            },
            (line) => console.log(line),
          ),
        );
      } catch (error) {
        if (error instanceof MapError) throw new UsageError(error.message, { cause: error });
        throw error;
      }
    },
  },
  report: {
    summary: 'print a report (target attainment, funnel, …; docs/reports.md) as JSON',
    usage:
      'pacer report NAME --db FILE [--period week|month|quarter|year|custom] [--date YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD] [--scope company|team:<id>|rep:<id>] [--today YYYY-MM-DD] [--user ID|NAME] --json',
    options: {
      db: { type: 'string', description: 'the database file (opened read-only)' },
      ...reportOptions,
    },
    positionals: true,
    run(values, positionals) {
      let input;
      try {
        input = reportCommandInput(values, positionals);
      } catch (error) {
        if (error instanceof ReportArgError) throw new UsageError(error.message, { cause: error });
        throw error;
      }
      const file = requireDb(values, true);
      return runReportCommand(
        file,
        input,
        (line) => console.log(line),
        (line) => console.error(`pacer report: ${line}`),
        typeof values.user === 'string' ? values.user : undefined,
      );
    },
  },
  export: {
    summary: 'write the weekly meeting pack (周会资料) as an Excel workbook',
    usage:
      'pacer export weekly --db FILE [--week 2026-W47] [--scope company|team:<id>] [--lang zh-CN|en] [--today YYYY-MM-DD] [--user ID|NAME] --out FILE.xlsx',
    options: exportOptions,
    positionals: true,
    run(values, positionals) {
      let command;
      try {
        command = exportCommandInput(values, positionals);
      } catch (error) {
        if (error instanceof ExportArgError) throw new UsageError(error.message, { cause: error });
        throw error;
      }
      return runExportCommand(
        command,
        (line) => console.log(line),
        (line) => console.error(`pacer export: ${line}`),
      );
    },
  },
  // `sync` and `team`: a device of a shared team folder (docs/team-folder.md).
  ...syncCommands,
};

function usage(): string {
  const lines = ['Usage: pacer <command> [options]', '', 'Commands:'];
  for (const [name, cmd] of Object.entries(commands))
    lines.push(`  ${name.padEnd(8)} ${cmd.summary}`);
  lines.push('', 'Run `pacer <command> --help` for its options.');
  return lines.join('\n');
}

function commandHelp(cmd: Command): string {
  const lines = [`Usage: ${cmd.usage}`, '', cmd.summary, '', 'Options:'];
  const width = Math.max(8, ...Object.keys(cmd.options).map((name) => name.length));
  for (const [name, opt] of Object.entries(cmd.options))
    lines.push(`  --${name.padEnd(width)} ${opt.description}`);
  lines.push(`  --${'help'.padEnd(width)} show this help`);
  return lines.join('\n');
}

/**
 * Runs `pacer` with the given arguments and returns the exit code: at once for the commands
 * that finish synchronously, as a promise for those that write files (`export`).
 */
export function main(argv: string[]): number | Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`pacer: unknown command "${name}" (see pacer --help)`);
    return 2;
  }
  const failed = (error: unknown): number => {
    const message = error instanceof Error ? error.message : String(error);
    const hint =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? ` (see pacer ${name} --help)`
        : '';
    console.error(`pacer ${name}: ${message}${hint}`);
    return error instanceof UsageError || hint ? 2 : 1;
  };
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: cmd.positionals ?? false,
    });
    if (values.help) {
      console.log(commandHelp(cmd));
      return 0;
    }
    const code = cmd.run(values, positionals);
    return typeof code === 'number' ? code : code.catch(failed);
  } catch (error) {
    return failed(error);
  }
}

const invokedDirectly = process.argv[1] && /cli\.(ts|mjs|js)$/.test(process.argv[1]);
if (invokedDirectly)
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
