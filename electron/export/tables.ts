import type { BoardColumn, DealCard } from '../../shared/contract/deals';
import { boardColumns } from '../../shared/contract/deals';
import type { TableExportInput } from '../../shared/contract/exports';
import {
  REPORT_ROW_LIMIT,
  type ReportInput,
  type ReportOf,
  type ReportOutput,
} from '../../shared/contract/reports';
import { addDays } from '../../shared/domain/grading';
import { translator, type Language } from '../../shared/i18n/translate';
import { get, reportViews, rowTitle, type Field } from '../../shared/reports/views';
import { AppError } from '../core/errors';
import type { Db } from '../db/connection';
import { getLocal } from '../db/local-state';
import { listAllCustomers, type CustomerExportRow } from '../features/customers/customers.repo';
import { columnCards } from '../features/deals/deals.board';
import { CLOSED_WINDOW_DAYS, type BoardContext } from '../features/deals/deals.query';
import { runReport } from '../features/reports/run';
import { frequencyRules, stalledDays } from '../features/settings/settings.repo';
import { getTeam, getUser } from '../features/team/team.repo';
import { seesOwner, seesTeam, visibilityOf, type Visibility } from '../features/team/visibility';
import { allowedReportScope } from '../features/reports/scope';
import { generatedLine, gradeLabel, localMinute, scoreFlagsColumn, targetFormat } from './columns';
import {
  table,
  type CellValue,
  type Column,
  type Format,
  type Sheet,
  type Status,
} from './workbook';

/**
 * "Export this table to Excel" (issue 8): a report as its page shows it, the customer list with
 * its filters, the board as a list. Each answers at once with the suggested file name after
 * checking its input (an unknown team or rep is `not_found`, as the report says), and builds its
 * sheets only when asked, after the user has chosen where to save. Sheets are described for the
 * one writer (`workbook.ts`), so they look like the weekly meeting pack.
 */

type T = ReturnType<typeof translator>;
type Built = { sheets: Sheet[]; title: string };
export type TableExport = { fileName: string; build: () => Promise<Built> };

export function tableExport(
  db: Db,
  input: TableExportInput,
  now: Date,
  /** Who asks (the list scopes "mine" and "my team"); by default the device's current user. */
  currentUserId: string | null = getLocal(db.$client, 'current_user_id'),
): TableExport {
  switch (input.table) {
    case 'report':
      return reportExport(
        db,
        {
          ...input.report,
          scope: allowedReportScope(visibilityOf(db, currentUserId), input.report.scope),
        },
        input.language,
        now,
      );
    case 'customers':
      return customersExport(db, input.query, input.language, now, currentUserId);
    case 'deals':
      return dealsExport(db, input.query, input.language, now, currentUserId);
  }
}

// ---- Small helpers ---------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant (YYYY-MM-DD), as the app shows it. */
function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local wall time of an instant (YYYY-MM-DD HH:mm). */
function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : localMinute(d);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A file name every system accepts: no \ / : * ? " < > | or control characters. */
export function safeFileName(base: string, extension = '.xlsx'): string {
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 180);
  return `${cleaned || 'export'}${extension}`;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A list of words in the language's way: 、 in Chinese, commas in English. */
const joiner = (language: Language) => (language === 'zh-CN' ? '、' : ', ');

/**
 * The translator of a language, remembering messages without params: a label per row adds up
 * on 20,000 rows.
 */
function labels(language: Language): T {
  const t = translator(language);
  const cache = new Map<string, string>();
  return (key, params) => {
    if (params) return t(key, params);
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = t(key)));
    return text;
  };
}

// ---- Reports ---------------------------------------------------------------------------------

type Row = Record<string, unknown>;
type Metric = { target: number | null; actual: number; attainment: number | null; behind: boolean };

/** Attainment against time progress: green at or above it, amber below, red when behind (10+ points). */
export function attainmentStatus(m: Metric, timeProgress: number | null): Status | null {
  if (m.attainment === null || m.target === null) return null;
  if (m.behind) return 'bad';
  return timeProgress === null || m.attainment >= timeProgress ? 'good' : 'warn';
}

function asMetric(v: unknown): Metric | null {
  if (v === null || typeof v !== 'object') return null;
  const m = v as Partial<Metric>;
  return {
    target: num(m.target),
    actual: num(m.actual) ?? 0,
    attainment: num(m.attainment),
    behind: m.behind === true,
  };
}

/**
 * The workbook columns of one report field (shared/reports/views.ts): one column for most,
 * several where the page shows several numbers in one cell (target metrics, average / median,
 * submitted of expected, rank of peers). Numbers stay numbers; words are translated.
 */
export function fieldColumns(
  field: Field,
  t: T,
  language: Language,
  timeProgress: number | null = null,
): Column<unknown>[] {
  const header = t(`reportsui.f.${field.label}`);
  const at = (row: unknown) => get(row, field.path);
  const one = (format: Format, value: (row: unknown) => CellValue): Column<unknown>[] => [
    { header, format, value },
  ];
  /** Two figures the page shows in one cell (`path`, `path2`), each in its own column. */
  const pair = (format: Format): Column<unknown>[] => [
    { header: t(`reports.figures.${field.path}`), format, value: (r) => num(at(r)) },
    {
      header: t(`reports.figures.${field.path2 ?? ''}`),
      format,
      value: (r) => num(get(r, field.path2 ?? '')),
    },
  ];
  const word = (prefix: string) =>
    one('text', (row) => {
      const v = str(at(row));
      return v === null ? null : t(`${prefix}.${v}`);
    });
  switch (field.fmt) {
    case 'money':
      return one('money', (row) => num(at(row)));
    case 'count':
      return one('integer', (row) => num(at(row)));
    case 'rate':
    case 'change':
      return one('percent', (row) => num(at(row)));
    case 'days':
      return one('days', (row) => num(at(row)));
    case 'day':
      return one('date', (row) => str(at(row)));
    case 'instant':
      return one('datetime', (row) => {
        const v = str(at(row));
        return v === null ? null : localTime(v);
      });
    case 'text':
      return one('text', (row) => str(at(row)));
    case 'milestone':
      return one('text', (row) => {
        const v = str(at(row));
        return v === null ? null : `${v} · ${t(`milestones.${v}`)}`;
      });
    case 'dealStatus':
      return word('dealStatus');
    case 'grade':
      return one('text', (row) => gradeLabel(t, str(at(row))));
    case 'purpose':
      return word('visitPurpose');
    case 'visitStatus':
      return word('visitStatus');
    case 'category':
      return word('timeline.categories');
    case 'what':
      return one('text', (row) => {
        const v = str(at(row));
        if (v === null) return null;
        return get(row, 'kind') === 'visit' ? t(`visitPurpose.${v}`) : t(`timeline.kinds.${v}`);
      });
    case 'reasons':
      return one('text', (row) => {
        const v = at(row);
        return Array.isArray(v)
          ? v.map((r) => t(`reportsui.reasons.${String(r)}`)).join(joiner(language))
          : null;
      });
    case 'bool':
      return one('text', (row) => {
        const v = at(row);
        if (v === null || v === undefined) return null;
        return v ? t('reportsui.yes') : t('reportsui.no');
      });
    case 'avgMedian':
      return pair('decimal');
    case 'ofExpected':
      return pair('integer');
    case 'rank':
      return [
        { header, format: 'integer', value: (r) => num(at(r)) },
        { header: t('exportTables.peers'), format: 'integer', value: (r) => num(get(r, 'peers')) },
      ];
    case 'metricMoney':
    case 'metricCount': {
      const format: Format = field.fmt === 'metricMoney' ? 'money' : 'integer';
      const part = (key: string) =>
        t('exportTables.metricPart', { metric: header, part: t(`reports.figures.${key}`) });
      const metric = (row: unknown) => asMetric(at(row));
      return [
        {
          header: part('target'),
          format: targetFormat(format),
          value: (r) => metric(r)?.target ?? null,
        },
        { header: part('actual'), format, value: (r) => metric(r)?.actual ?? null },
        {
          header: part('attainment'),
          format: 'percent',
          value: (r) => metric(r)?.attainment ?? null,
          status: (r) => {
            const m = metric(r);
            return m ? attainmentStatus(m, timeProgress) : null;
          },
        },
      ];
    }
  }
}

/** One key figure as a row of the key figures sheet. */
type FigureRow = { label: string; value: CellValue; status: Status | null };

/**
 * The key figures as short two-column tables (figure, value), one per kind of value (amounts,
 * counts, rates, days), in the page's order: a column has one number format, and a figure
 * per row reads better projected than a row of twenty columns.
 */
function figureTables(figures: Field[], values: unknown, t: T, language: Language) {
  const groups = new Map<Format, FigureRow[]>();
  for (const field of figures)
    for (const c of fieldColumns(field, t, language)) {
      const rows = groups.get(c.format) ?? [];
      rows.push({ label: c.header, value: c.value(values), status: c.status?.(values) ?? null });
      groups.set(c.format, rows);
    }
  return [...groups].map(([format, rows]) =>
    table<FigureRow>({
      columns: [
        { header: t('exportTables.figure'), format: 'text', value: (r) => r.label },
        {
          header: t(`exportTables.values.${format}`),
          format,
          value: (r) => r.value,
          status: (r) => r.status,
        },
      ],
      rows,
      empty: t('reportsui.noRows'),
    }),
  );
}

const moneyMetrics = ['sales', 'collections'] as const;
const countMetrics = ['newCustomers', 'visits', 'effectiveVisits'] as const;

/** Target attainment's key figures: per metric its target, actual, attainment, time progress. */
function attainmentTables(figures: ReportOf<'attainment'>['keyFigures'], t: T) {
  type MetricRow = Metric & { label: string };
  const progress = figures.timeProgress;
  const tableOf = (metrics: readonly (keyof typeof figures)[], format: Format) =>
    table<MetricRow>({
      columns: [
        { header: t('exportTables.figure'), format: 'text', value: (r) => r.label },
        // A derived count target carries its exact working-day share (docs/reports.md).
        {
          header: t('reports.figures.target'),
          format: targetFormat(format),
          value: (r) => r.target,
        },
        { header: t('reports.figures.actual'), format, value: (r) => r.actual },
        {
          header: t('reports.figures.attainment'),
          format: 'percent',
          value: (r) => r.attainment,
          status: (r) => attainmentStatus(r, progress),
        },
        { header: t('reports.figures.timeProgress'), format: 'percent', value: () => progress },
        {
          header: t('exportTables.status'),
          format: 'text',
          value: (r) =>
            r.target === null
              ? t('reportsui.noTarget')
              : r.behind
                ? t('reportsui.behind')
                : t('reportsui.onTrack'),
          status: (r) => attainmentStatus(r, progress),
        },
      ],
      rows: metrics.map((m) => ({
        label: t(`reportsui.f.${m}`),
        ...(asMetric(figures[m]) as Metric),
      })),
      empty: t('reportsui.noRows'),
    });
  return [tableOf(moneyMetrics, 'money'), tableOf(countMetrics, 'integer')];
}

/** The header of a report's first column: what its rows are. */
const firstHeader: Record<string, string> = {
  scope: 'reportsui.f.name',
  deal: 'reportsui.f.deal',
  customer: 'reportsui.f.customer',
  visit: 'reportsui.f.customer',
  item: 'reportsui.f.customer',
};

/** A report's sheets: key figures, the small table when it has one, then its rows. */
export function reportSheets(out: ReportOutput, language: Language, now: Date): Built {
  const t = labels(language);
  const view = reportViews[out.report];
  const name = t(`reports.names.${out.report}`);
  const scopeName = out.scope.name ?? t('reportsui.scope.company');
  const title = t('exportTables.title', {
    what: name,
    scope: scopeName,
    period: out.period.label,
    from: out.period.from,
    to: out.period.to,
  });
  const subtitle = t('exportTables.subtitle', { generated: generatedLine(t, now), day: out.asOf });
  const keyFigures = out.keyFigures as unknown as Row;
  const timeProgress = out.report === 'attainment' ? out.keyFigures.timeProgress : null;

  // The periods a comparison reads (performance, abnormal customers), said under the title.
  const compared = (['previousPeriod', 'lastYearPeriod'] as const).flatMap((key) => {
    const range = keyFigures[key] as { from?: unknown; to?: unknown } | undefined;
    return typeof range?.from === 'string' && typeof range.to === 'string'
      ? [
          `${t(`reports.figures.${key}`)}: ${t('exportTables.range', { from: range.from, to: range.to })}`,
        ]
      : [];
  });
  const sheets: Sheet[] = [
    {
      name: t('reportsui.keyFigures'),
      title,
      subtitle,
      ...(compared.length > 0 ? { note: compared.join(' · ') } : {}),
      tables:
        out.report === 'attainment'
          ? attainmentTables(out.keyFigures, t)
          : figureTables(view.figures, keyFigures, t, language),
    },
  ];

  const extraRows = view.extra ? keyFigures[view.extra.path] : undefined;
  if (view.extra && Array.isArray(extraRows))
    sheets.push({
      name: t(`reports.sections.${view.extra.path}`),
      title,
      subtitle,
      tables: [
        table<unknown>({
          columns: view.extra.columns.flatMap((f) => fieldColumns(f, t, language, timeProgress)),
          rows: extraRows,
          empty: t('reportsui.noRows'),
        }),
      ],
    });

  // In the page's order: by the first column, in the language's collation.
  const collator = new Intl.Collator(language);
  const rows = [...(out.rows as unknown as Row[])].sort((a, b) =>
    collator.compare(rowTitle(a), rowTitle(b)),
  );
  const scopeRows = out.rowKind === 'scope';
  const fields = scopeRows ? view.scopeColumns : view.recordColumns;
  const kindColumn: Column<Row>[] =
    out.rowKind === 'scope' || out.rowKind === 'item'
      ? [
          {
            header: t('reportsui.f.kind'),
            format: 'text',
            value: (r) => (typeof r.kind === 'string' ? t(`reportsui.kinds.${r.kind}`) : null),
          },
        ]
      : [];
  sheets.push({
    name: t(`reportsui.rowKinds.${out.rowKind}`),
    title,
    subtitle,
    ...(out.rowsTotal > rows.length
      ? {
          note: t('exportTables.capped', {
            limit: REPORT_ROW_LIMIT,
            shown: rows.length,
            total: out.rowsTotal,
          }),
        }
      : {}),
    tables: [
      table<Row>({
        columns: [
          {
            header: t(firstHeader[out.rowKind] ?? 'reportsui.f.name'),
            format: 'text',
            value: (r) => rowTitle(r),
          },
          ...kindColumn,
          ...(fields.flatMap((f) => fieldColumns(f, t, language, timeProgress)) as Column<Row>[]),
        ],
        rows,
        // The scope's own figures under its teams and reps: the company (or team) line.
        ...(scopeRows && rows.length > 0 ? { totals: { ...keyFigures, name: scopeName } } : {}),
        filter: true,
        empty: t('reportsui.noRows'),
      }),
    ],
  });
  return { sheets, title };
}

function reportExport(db: Db, input: ReportInput, language: Language, now: Date): TableExport {
  // Run now: an unknown team or rep is refused before the save dialog opens, as the report is.
  const out = runReport(db, input);
  const t = labels(language);
  const fileName = safeFileName(
    [
      t(`reports.names.${out.report}`),
      out.scope.name ?? t('reportsui.scope.company'),
      out.period.label,
    ].join('_'),
  );
  return { fileName, build: async () => reportSheets(out, language, now) };
}

// ---- Lists: who asks, and the team or rep a filter names -------------------------------------

type Me = { id: string; name: string; teamId: string | null; teamName: string | null } | null;

function whoAsks(db: Db, currentUserId: string | null): Me {
  const user = currentUserId ? getUser(db, currentUserId) : undefined;
  return user
    ? { id: user.id, name: user.name, teamId: user.teamId, teamName: user.teamName ?? null }
    : null;
}

/** A list export's labels, who asks, and who the list is about (checked: see `listScope`). */
function listAudience(
  db: Db,
  query: Parameters<typeof listScope>[1],
  language: Language,
  currentUserId: string | null,
): { t: T; me: Me; scope: string } {
  const t = labels(language);
  const me = whoAsks(db, currentUserId);
  return { t, me, scope: listScope(db, query, me, t, visibilityOf(db, currentUserId)) };
}

const scopeGone = (what: string, id: string) =>
  new AppError('not_found', `${what} ${id} not found`, 'reports.errors.scopeGone');

/** Who the list is about, for its title; a team or rep the filters name must still exist. */
function listScope(
  db: Db,
  query: {
    scope: 'mine' | 'team' | 'all';
    teamId?: string | undefined;
    ownerId?: string | undefined;
  },
  me: Me,
  t: T,
  visible: Visibility,
): string {
  // A team or rep out of the data scope reads as one that does not exist (docs/data-scope.md).
  const team =
    query.teamId && seesTeam(visible, query.teamId) ? getTeam(db, query.teamId) : undefined;
  if (query.teamId && !team) throw scopeGone('team', query.teamId);
  const owner =
    query.ownerId && seesOwner(visible, query.ownerId) ? getUser(db, query.ownerId) : undefined;
  if (query.ownerId && !owner) throw scopeGone('person', query.ownerId);
  if (owner) return owner.name;
  if (team) return team.name;
  if (query.scope === 'mine') return me?.name ?? t('scope.mine');
  if (query.scope === 'team') return me?.teamName ?? me?.name ?? t('scope.team');
  // 'all' is everything the user may read: the company only with the company view.
  if (!visible.company) {
    const home = visible.home;
    if (home?.type === 'team') return getTeam(db, home.id)?.name ?? t('scope.team');
    return me?.name ?? t('scope.mine');
  }
  return t('reportsui.scope.company');
}

/**
 * A list's one sheet, named after what it lists: the title (what, for whom, which day), the
 * filters and the row count under it, and every row under an autofilter.
 */
function listBook<R>(
  t: T,
  now: Date,
  list: {
    what: string;
    scope: string;
    day: string;
    filters: string[];
    columns: Column<R>[];
    rows: R[];
    empty: string;
  },
): Built {
  const title = t('exportTables.listTitle', { what: list.what, scope: list.scope, day: list.day });
  const { filters, rows } = list;
  const note = [
    ...(filters.length > 0 ? [t('exportTables.filters', { filters: filters.join(' · ') })] : []),
    t('exportTables.count', { count: rows.length }),
  ].join(' · ');
  return {
    title,
    sheets: [
      {
        name: list.what,
        title,
        subtitle: generatedLine(t, now),
        note,
        tables: [table<R>({ columns: list.columns, rows, filter: true, empty: list.empty })],
      },
    ],
  };
}

// ---- The customer list -----------------------------------------------------------------------

type CustomerQuery = Extract<TableExportInput, { table: 'customers' }>['query'];

/** A customer row with its last contact as the local day the app shows. */
type CustomerLine = CustomerExportRow & { lastContactDay: string | null };

function customerColumns(t: T, language: Language, today: string): Column<CustomerLine>[] {
  return [
    { header: t('customers.name'), format: 'text', value: (r) => r.name },
    {
      header: t('customers.grade'),
      format: 'text',
      value: (r) => gradeLabel(t, r.grade),
    },
    {
      header: t('customers.status'),
      format: 'text',
      value: (r) => t(`customerStatus.${r.status}`),
    },
    {
      header: t('customers.owner'),
      format: 'text',
      value: (r) => r.ownerName ?? t('customers.unassigned'),
    },
    { header: t('exportTables.customers.team'), format: 'text', value: (r) => r.ownerTeamName },
    { header: t('customers.region'), format: 'text', value: (r) => r.region },
    { header: t('customers.industry'), format: 'text', value: (r) => r.industry },
    { header: t('customers.phone'), format: 'text', value: (r) => r.phone },
    {
      header: t('exportTables.customers.lastVisit'),
      format: 'date',
      value: (r) => r.lastVisitOn,
    },
    {
      header: t('exportTables.customers.daysSinceVisit'),
      format: 'days',
      value: (r) => (r.lastVisitOn ? Math.max(0, daysBetween(r.lastVisitOn, today)) : null),
    },
    {
      header: t('exportTables.customers.overdueDays'),
      format: 'days',
      value: (r) => r.overdueDays,
      status: (r) => (r.overdueDays !== null ? 'bad' : null),
    },
    {
      header: t('exportTables.customers.lastContact'),
      format: 'date',
      value: (r) => r.lastContactDay,
    },
    {
      header: t('exportTables.customers.daysSince'),
      format: 'days',
      value: (r) => (r.lastContactDay ? Math.max(0, daysBetween(r.lastContactDay, today)) : null),
    },
    { header: t('grading.relationshipShort'), format: 'integer', value: (r) => r.relationship },
    { header: t('grading.attractivenessShort'), format: 'integer', value: (r) => r.attractiveness },
    { header: t('customers.tags'), format: 'text', value: (r) => r.tags.join(joiner(language)) },
    { header: t('customers.updated'), format: 'datetime', value: (r) => localTime(r.updatedAt) },
  ];
}

function customerFilters(query: CustomerQuery, t: T): string[] {
  const parts: string[] = [];
  if (query.status)
    parts.push(`${t('customers.filterStatus')}: ${t(`customerStatus.${query.status}`)}`);
  if (query.grade)
    parts.push(
      `${t('customers.filterGrade')}: ${t(query.grade === 'ungraded' ? 'grades.ungraded' : `grades.${query.grade}`)}`,
    );
  if (query.region) parts.push(`${t('customers.filterRegion')}: ${query.region}`);
  if (query.relationship !== undefined)
    parts.push(`${t('grading.relationshipShort')}: ${query.relationship}`);
  if (query.attractiveness !== undefined)
    parts.push(`${t('grading.attractivenessShort')}: ${query.attractiveness}`);
  if (query.overdue) parts.push(t('customers.filterOverdue'));
  if (query.staleGrade) parts.push(t('customers.filterStale'));
  if (query.search) parts.push(t('exportTables.search', { text: query.search }));
  return parts;
}

function customersExport(
  db: Db,
  query: CustomerQuery,
  language: Language,
  now: Date,
  currentUserId: string | null,
): TableExport {
  const { t, me, scope } = listAudience(db, query, language, currentUserId);
  // The list's own "today" (the handler's default when the renderer sends none).
  const today = query.today ?? now.toISOString().slice(0, 10);
  const fileName = safeFileName(`${t('exportTables.customers.fileName')}_${today}`);
  const build = async (): Promise<Built> => {
    const rows: CustomerLine[] = listAllCustomers(db, query, {
      currentUser: me ? { id: me.id, teamId: me.teamId } : null,
      visible: visibilityOf(db, currentUserId),
      rules: frequencyRules(db),
      today,
    }).map((r) => ({ ...r, lastContactDay: r.lastContactAt ? localDay(r.lastContactAt) : null }));
    return listBook(t, now, {
      what: t('customers.title'),
      scope,
      day: today,
      filters: customerFilters(query, t),
      columns: customerColumns(t, language, today),
      rows,
      empty: t('exportTables.customers.empty'),
    });
  };
  return { fileName, build };
}

// ---- The board as a list ---------------------------------------------------------------------

type DealQuery = Extract<TableExportInput, { table: 'deals' }>['query'];

/** Every card of one board column in the board's order (no page: the whole column). */
const WHOLE_COLUMN = 1_000_000_000;

function dealColumns(t: T, language: Language): Column<DealCard>[] {
  return [
    { header: t('deals.fields.customer'), format: 'text', value: (d) => d.customerName },
    { header: t('reportsui.f.deal'), format: 'text', value: (d) => d.title },
    {
      header: t('deals.fields.milestone'),
      format: 'text',
      value: (d) => `${d.milestone} · ${t(`milestones.${d.milestone}`)}`,
    },
    {
      header: t('deals.fields.status'),
      format: 'text',
      value: (d) => t(`dealStatus.${d.status}`),
      status: (d) => (d.status === 'won' ? 'good' : d.status === 'lost' ? 'bad' : null),
    },
    { header: t('reportsui.f.amount'), format: 'money', value: (d) => d.amount },
    { header: t('deals.fields.probability'), format: 'percent', value: (d) => d.probability / 100 },
    { header: t('deals.fields.weighted'), format: 'money', value: (d) => d.weighted },
    {
      header: t('deals.fields.expectedClose'),
      format: 'date',
      value: (d) => d.expectedCloseOn,
      status: (d) => (d.closeOverdue ? 'warn' : null),
    },
    { header: t('exportTables.deals.closedOn'), format: 'date', value: (d) => d.closedOn },
    {
      header: t('reportsui.f.daysInStage'),
      format: 'days',
      value: (d) => (d.status === 'open' ? d.daysInStage : null),
    },
    {
      header: t('deals.card.stalled'),
      format: 'text',
      value: (d) => d.stalled,
      status: (d) => (d.stalled ? 'warn' : null),
    },
    { header: t('reports.figures.scoreTotal'), format: 'integer', value: (d) => d.scoreTotal },
    scoreFlagsColumn<DealCard>(t, t('exportTables.deals.flag'), joiner(language), (d) => ({
      overClaimed: d.overClaimed,
      stale: d.staleScore,
      unscored: d.unscored,
    })),
    { header: t('deals.fields.owner'), format: 'text', value: (d) => d.ownerName },
    { header: t('deals.card.key'), format: 'text', value: (d) => d.isKey },
  ];
}

function dealFilters(query: DealQuery, t: T): string[] {
  const range = (from: string | undefined, to: string | undefined) =>
    t('exportTables.range', { from: from ?? '…', to: to ?? '…' });
  const parts: string[] = [];
  if (query.closeFrom || query.closeTo)
    parts.push(t('exportTables.deals.openClose', { range: range(query.closeFrom, query.closeTo) }));
  parts.push(
    t('exportTables.deals.closedWindow', {
      range: range(
        query.closeFrom ?? addDays(query.today, -CLOSED_WINDOW_DAYS),
        query.closeTo ?? query.today,
      ),
    }),
  );
  if (query.minAmount !== undefined || query.maxAmount !== undefined) {
    const yuan = (fen: number | undefined) =>
      fen === undefined ? undefined : `¥${(fen / 100).toLocaleString('en')}`;
    parts.push(
      t('exportTables.deals.amount', {
        range: range(yuan(query.minAmount), yuan(query.maxAmount)),
      }),
    );
  }
  if (query.stalledOnly) parts.push(t('deals.filters.stalledOnly'));
  if (query.keyOnly) parts.push(t('deals.filters.keyOnly'));
  if (query.scoreFlag) parts.push(t(`flags.${query.scoreFlag}`));
  if (query.search) parts.push(t('exportTables.search', { text: query.search }));
  return parts;
}

function dealsExport(
  db: Db,
  query: DealQuery,
  language: Language,
  now: Date,
  currentUserId: string | null,
): TableExport {
  const { t, me, scope } = listAudience(db, query, language, currentUserId);
  const fileName = safeFileName(`${t('exportTables.deals.fileName')}_${query.today}`);
  const build = async (): Promise<Built> => {
    const ctx: BoardContext = {
      currentUser: me ? { id: me.id, teamId: me.teamId } : null,
      visible: visibilityOf(db, currentUserId),
      stalledDays: stalledDays(db),
    };
    // The board's own query, column by column in its order (M1…M6, lost), without paging.
    const rows = boardColumns.flatMap(
      (column: BoardColumn) => columnCards(db, query, ctx, column, 0, WHOLE_COLUMN).cards,
    );
    return listBook(t, now, {
      what: t('exportTables.deals.sheet'),
      scope,
      day: query.today,
      // Never empty: the window of closed deals is always said.
      filters: dealFilters(query, t),
      columns: dealColumns(t, language),
      rows,
      empty: t('exportTables.deals.empty'),
    });
  };
  return { fileName, build };
}
