import type { WeeklyPackInput } from '../../shared/contract/exports';
import { isBehind } from '../../shared/domain/periods';
import { attainment } from '../../shared/domain/targets';
import { translator, type Language } from '../../shared/i18n/translate';
import type { Db } from '../db/connection';
import {
  packData,
  resolvePack,
  type Metric,
  type PackData,
  type PackLine,
  type PackVisit,
} from './weeklyPack.data';
import { generatedLine, gradeLabel, localMinute, scoreFlagsColumn, targetFormat } from './columns';
import {
  table,
  textWidth,
  type CellValue,
  type Column,
  type Format,
  type Sheet,
  type Status,
} from './workbook';

/**
 * The weekly meeting pack 周会资料 (domain.md §8, issue 8): nine sheets for one ISO week and
 * scope, in the user's language, each figure taken from the report the app shows for the same
 * week and scope (weeklyPack.data.ts). `weeklyPack` checks the scope and names the file at once
 * (the handler then asks where to save); `build` collects the figures and describes the sheets.
 */
export function weeklyPack(
  db: Db,
  input: WeeklyPackInput,
  now: Date,
): { fileName: string; build: () => Promise<{ sheets: Sheet[]; title: string }> } {
  const resolved = resolvePack(db, input);
  const t = translator(input.language);
  const scopeLabel = resolved.scopeName ?? t('exportPack.company');
  return {
    fileName: packFileName(t('exportPack.fileStem'), scopeLabel, input.week),
    build: () => {
      const data = packData(db, resolved);
      return Promise.resolve({
        sheets: packSheets(data, now),
        title: t('exportPack.bookTitle', { scope: scopeLabel, week: input.week }),
      });
    },
  };
}

/** `周会资料_<scope>_<week>.xlsx` with what file systems refuse replaced by `_`. */
export function packFileName(stem: string, scope: string, week: string): string {
  const safe = (text: string) =>
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '') || '_';
  return `${safe(stem)}_${safe(scope).slice(0, 80)}_${safe(week)}.xlsx`;
}

/** Green at or above time progress, amber less than 10 points below, red further behind. */
export function attainmentStatus(rate: number | null | undefined, progress: number): Status | null {
  if (rate === null || rate === undefined) return null;
  if (rate >= progress - 1e-9) return 'good';
  return isBehind(rate, progress) ? 'bad' : 'warn';
}

const moneyMetric = (m: Metric) => m === 'sales' || m === 'collections';

type Figure = { target: number | null; actual: number; attainment: number | null };
type Tr = (key: string, params?: Record<string, string | number>) => string;

/** The sheets of a pack, pure: data in, sheet descriptions out. */
export function packSheets(data: PackData, now: Date): Sheet[] {
  const language: Language = data.input.language;
  const t = translator(language);
  const scopeLabel = data.scopeName ?? t('exportPack.company');
  const head = {
    title: t('exportPack.title', {
      scope: scopeLabel,
      week: data.week.key,
      from: data.week.from,
      to: data.week.to,
    }),
    subtitle: generatedLine(t, now),
  };
  const company = data.input.scope.type === 'company';
  const ctx: SheetContext = { data, t, company, scopeLabel };
  return roomForHeaders([
    { ...head, ...overviewSheet(ctx) },
    { ...head, ...attainmentSheet(ctx) },
    { ...head, ...performanceSheet(ctx) },
    { ...head, ...funnelSheet(ctx) },
    { ...head, ...keyDealsSheet(ctx) },
    { ...head, ...executionSheet(ctx) },
    { ...head, ...customerVisitsSheet(ctx) },
    { ...head, ...abnormalSheet(ctx) },
    { ...head, ...nextWeekSheet(ctx) },
    { ...head, ...weeklySheet(ctx) },
  ]);
}

/**
 * Widens columns whose header is Chinese: CJK glyphs render a little wider than two Latin
 * characters in Excel and LibreOffice, so a header fitted at exactly two would wrap over the
 * table's heading row.
 */
function roomForHeaders(sheets: Sheet[]): Sheet[] {
  for (const sheet of sheets)
    for (const t of sheet.tables)
      for (const c of t.columns) {
        if (c.wrap) continue;
        const cjk = textWidth(c.header) - c.header.length;
        if (cjk > 0)
          c.width = Math.max(c.width ?? 0, Math.ceil(textWidth(c.header) + cjk * 0.15) + 3);
      }
  return sheets;
}

type SheetContext = { data: PackData; t: Tr; company: boolean; scopeLabel: string };
type SheetBody = Omit<Sheet, 'title' | 'subtitle'>;

// ---- shared columns -------------------------------------------------------------------------

/** The team and rep columns of a row about one rep (the team column only for the company). */
function teamRepColumns<R>(
  c: SheetContext,
  team: (row: R) => string | null,
  rep: (row: R) => string,
): Column<R>[] {
  const { t } = c;
  const out: Column<R>[] = [];
  if (c.company)
    out.push({
      header: t('exportPack.col.team'),
      format: 'text',
      value: (row) => team(row) ?? t('exportPack.noTeam'),
    });
  out.push({ header: t('exportPack.col.rep'), format: 'text', value: rep });
  return out;
}

/** The team and rep columns of a per-rep table (a team's own line says so). */
function lineColumns(c: SheetContext): Column<PackLine>[] {
  return teamRepColumns<PackLine>(
    c,
    (l) => l.teamName,
    (l) => (l.kind === 'team' ? c.t('exportPack.teamTotal') : l.name),
  );
}

/**
 * A per-rep table: the team and rep columns, then `columns`; a line per rep (and per team for
 * the company), the scope's own figures in the totals row.
 */
function lineTable(
  c: SheetContext,
  total: PackLine,
  heading: string | undefined,
  columns: Column<PackLine>[],
) {
  return table<PackLine>({
    ...(heading === undefined ? {} : { heading }),
    columns: [...lineColumns(c), ...columns],
    rows: c.data.lines,
    totals: total,
    empty: c.t('exportPack.empty.noReps'),
  });
}

/**
 * Columns of a per-rep figure `F` (`of` a line, the totals row included), each headed
 * `reports.figures.<key>`: `sum` a count or amount (0 where the line has none), `rate` a
 * fraction (empty where none).
 */
function figureColumns<F extends object>(c: SheetContext, of: (l: PackLine) => F | undefined) {
  type Key = { [K in keyof F]: F[K] extends number | null ? K : never }[keyof F] & string;
  const pick = (l: PackLine, key: Key) => of(l)?.[key] as CellValue;
  return {
    sum: (key: Key, format: Format = 'integer'): Column<PackLine> => ({
      header: c.t(`reports.figures.${key}`),
      format,
      value: (l) => pick(l, key) ?? 0,
    }),
    rate: (
      key: Key,
      status?: (v: number | null | undefined) => Status | null,
    ): Column<PackLine> => ({
      header: c.t(`reports.figures.${key}`),
      format: 'percent',
      value: (l) => pick(l, key),
      ...(status
        ? { status: (l: PackLine) => status(pick(l, key) as number | null | undefined) }
        : {}),
    }),
  };
}

/** A totals row for a per-rep table: the scope's own figures, labelled. */
function totalsLine(c: SheetContext): PackLine {
  return {
    kind: 'rep',
    id: '',
    name: c.company ? '' : c.t('exportPack.total'),
    teamId: null,
    teamName: c.company ? c.t('exportPack.total') : c.scopeLabel,
    attainmentWeek: undefined,
    attainmentMonth: undefined,
    attainmentMtd: undefined,
    performance: undefined,
    funnel: undefined,
    execution: undefined,
    customerVisits: undefined,
    abnormal: undefined,
  };
}

// ---- 1. Overview ----------------------------------------------------------------------------

type KpiRow = {
  unit: string;
  metric: Metric;
  week: Figure;
  month: Figure;
};

/** Month to date as the weekly report counts it: the whole month's target, the actual to the as-of day. */
function mtdFigure(target: number | null | undefined, actual: number | undefined): Figure {
  const tgt = target ?? null;
  const act = actual ?? 0;
  return { target: tgt, actual: act, attainment: attainment(act, tgt) };
}

function kpiRows(
  unit: string,
  week: Record<Metric, Figure> | undefined,
  monthTarget: Record<Metric, Figure> | undefined,
  mtdActual: Record<Metric, Figure> | undefined,
  which: readonly Metric[],
): KpiRow[] {
  return which.map((metric) => ({
    unit,
    metric,
    week: week?.[metric] ?? { target: null, actual: 0, attainment: null },
    month: mtdFigure(monthTarget?.[metric].target, mtdActual?.[metric].actual),
  }));
}

function overviewSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const weekProgress = data.scope.attainmentWeek.keyFigures.timeProgress;
  const monthProgress = data.scope.attainmentMonth.keyFigures.timeProgress;
  const metricLabel = (m: Metric) => t(`reports.figures.${m}`);
  const rowsFor = (which: readonly Metric[]) => {
    const rows: KpiRow[] = kpiRows(
      c.scopeLabel,
      data.scope.attainmentWeek.keyFigures,
      data.scope.attainmentMonth.keyFigures,
      data.scope.attainmentMtd?.keyFigures,
      which,
    );
    if (c.company)
      for (const line of data.lines)
        if (line.kind === 'team' || line.teamId === null)
          rows.push(
            ...kpiRows(
              line.name,
              line.attainmentWeek,
              line.attainmentMonth,
              line.attainmentMtd,
              which,
            ),
          );
    return rows;
  };
  /** Target, actual, attainment against time progress, and the progress, of one period. */
  const periodColumns = (
    headers: { target: string; actual: string; attainment: string; progress: string },
    money: boolean,
    figureOf: (r: KpiRow) => Figure,
    progress: number,
  ): Column<KpiRow>[] => {
    const header = (key: keyof typeof headers) => t(`exportPack.col.${headers[key]}`);
    const format = money ? 'money' : 'integer';
    return [
      { header: header('target'), format: targetFormat(format), value: (r) => figureOf(r).target },
      { header: header('actual'), format, value: (r) => figureOf(r).actual },
      {
        header: header('attainment'),
        format: 'percent',
        value: (r) => figureOf(r).attainment,
        status: (r) => attainmentStatus(figureOf(r).attainment, progress),
      },
      { header: header('progress'), format: 'percent', value: () => progress },
    ];
  };
  const kpiTable = (heading: string, which: readonly Metric[], money: boolean) =>
    table<KpiRow>({
      heading,
      columns: [
        {
          header: c.company ? t('exportPack.col.unit') : t('exportPack.col.scope'),
          format: 'text',
          value: (r) => r.unit,
        },
        { header: t('exportPack.col.metric'), format: 'text', value: (r) => metricLabel(r.metric) },
        ...periodColumns(
          {
            target: 'weekTarget',
            actual: 'weekActual',
            attainment: 'weekAttainment',
            progress: 'weekProgress',
          },
          money,
          (r) => r.week,
          weekProgress,
        ),
        ...periodColumns(
          {
            target: 'monthTarget',
            actual: 'mtdActual',
            attainment: 'mtdAttainment',
            progress: 'monthProgress',
          },
          money,
          (r) => r.month,
          monthProgress,
        ),
      ],
      rows: rowsFor(which),
      empty: t('exportPack.empty.noData'),
    });
  return {
    name: t('exportPack.sheets.overview'),
    note: t('exportPack.notes.overview', {
      asOf: data.asOf,
      monthFrom: data.month.from,
    }),
    tables: [
      kpiTable(t('exportPack.headings.money'), moneyMetrics, true),
      kpiTable(t('exportPack.headings.counts'), countMetrics, false),
    ],
  };
}

// ---- 2. Target attainment (per rep) ---------------------------------------------------------

function attainmentColumns(
  c: SheetContext,
  which: readonly Metric[],
  figureOf: (l: PackLine, m: Metric) => Figure | undefined,
  progress: number,
): Column<PackLine>[] {
  const { t } = c;
  const out: Column<PackLine>[] = [];
  for (const m of which) {
    const label = t(`reports.figures.${m}`);
    const format = moneyMetric(m) ? 'money' : 'integer';
    out.push(
      {
        header: t('exportPack.col.metricTarget', { metric: label }),
        format: targetFormat(format),
        value: (l) => figureOf(l, m)?.target,
      },
      {
        header: t('exportPack.col.metricActual', { metric: label }),
        format,
        value: (l) => figureOf(l, m)?.actual ?? 0,
      },
      {
        header: t('exportPack.col.metricAttainment', { metric: label }),
        format: 'percent',
        value: (l) => figureOf(l, m)?.attainment,
        status: (l) => attainmentStatus(figureOf(l, m)?.attainment, progress),
      },
    );
  }
  return out;
}

const moneyMetrics: readonly Metric[] = ['sales', 'collections'];
const countMetrics: readonly Metric[] = ['newCustomers', 'visits', 'effectiveVisits'];

function attainmentSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const scope = data.scope;
  const weekProgress = scope.attainmentWeek.keyFigures.timeProgress;
  const monthProgress = scope.attainmentMonth.keyFigures.timeProgress;
  const total = totalsLine(c);
  const isTotal = (l: PackLine) => l === total;
  const weekOf = (l: PackLine, m: Metric): Figure | undefined =>
    isTotal(l) ? scope.attainmentWeek.keyFigures[m] : l.attainmentWeek?.[m];
  const mtdOf = (l: PackLine, m: Metric): Figure =>
    isTotal(l)
      ? mtdFigure(
          scope.attainmentMonth.keyFigures[m].target,
          scope.attainmentMtd?.keyFigures[m].actual,
        )
      : mtdFigure(l.attainmentMonth?.[m].target, l.attainmentMtd?.[m].actual);
  const week = t('exportPack.headings.week', {
    from: data.week.from,
    to: data.week.to,
    progress: percentText(weekProgress),
  });
  const month = t('exportPack.headings.monthToDate', {
    month: data.month.key,
    asOf: data.asOf,
    progress: percentText(monthProgress),
  });
  const money = t('exportPack.headings.money');
  const counts = t('exportPack.headings.counts');
  const part = (
    heading: string,
    which: readonly Metric[],
    figureOf: (l: PackLine, m: Metric) => Figure | undefined,
    progress: number,
  ) => lineTable(c, total, heading, attainmentColumns(c, which, figureOf, progress));
  return {
    name: t('exportPack.sheets.attainment'),
    note: t('exportPack.notes.attainment'),
    tables: [
      part(`${week} · ${money}`, moneyMetrics, weekOf, weekProgress),
      part(`${month} · ${money}`, moneyMetrics, mtdOf, monthProgress),
      part(`${week} · ${counts}`, countMetrics, weekOf, weekProgress),
      part(`${month} · ${counts}`, countMetrics, mtdOf, monthProgress),
    ],
  };
}

const percentText = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

// ---- 3. Performance comparison ------------------------------------------------------------

function performanceSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const k = data.scope.performance.keyFigures;
  const total = totalsLine(c);
  const of = (l: PackLine) => (l === total ? { ...k, rank: null, peers: null } : l.performance);
  const { sum, rate } = figureColumns(c, of);
  const changeStatus = (v: number | null | undefined): Status | null =>
    v === null || v === undefined ? null : v < 0 ? 'bad' : v > 0 ? 'good' : null;
  return {
    name: t('exportPack.sheets.performance'),
    note: t('exportPack.notes.performance', {
      previousFrom: k.previousPeriod.from,
      previousTo: k.previousPeriod.to,
      lastYearFrom: k.lastYearPeriod.from,
      lastYearTo: k.lastYearPeriod.to,
    }),
    tables: [
      lineTable(c, total, undefined, [
        sum('sales', 'money'),
        sum('wonDeals'),
        sum('previousSales', 'money'),
        rate('changeVsPrevious', changeStatus),
        sum('lastYearSales', 'money'),
        rate('changeVsLastYear', changeStatus),
        // No rank for the totals row: empty, not 0.
        { header: t('reports.figures.rank'), format: 'integer', value: (l) => of(l)?.rank },
        { header: t('reports.figures.peers'), format: 'integer', value: (l) => of(l)?.peers },
      ]),
    ],
  };
}

// ---- 4. Funnel ------------------------------------------------------------------------------

type Stage = PackData['scope']['funnel']['keyFigures']['stages'][number];

function funnelSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const k = data.scope.funnel.keyFigures;
  const total = totalsLine(c);
  const { sum, rate } = figureColumns(c, (l) => (l === total ? k : l.funnel));
  const stageTotal: Stage = {
    milestone: 'M1',
    probability: 0,
    openDeals: k.openDeals,
    openAmount: k.openAmount,
    openWeighted: k.openWeighted,
    reached: 0,
    conversion: null,
    stays: 0,
    dwellAvgDays: null,
    dwellMedianDays: null,
  };
  const days = (v: number | null) => (v === null ? '–' : String(Math.round(v)));
  return {
    name: t('exportPack.sheets.funnel'),
    note: t('exportPack.notes.funnel', {
      cycleAvg: days(k.salesCycleAvgDays),
      cycleMedian: days(k.salesCycleMedianDays),
    }),
    tables: [
      table<Stage>({
        heading: t('exportPack.headings.stages'),
        columns: [
          {
            header: t('reports.figures.milestone'),
            format: 'text',
            value: (s) =>
              s === stageTotal
                ? t('exportPack.total')
                : `${s.milestone} ${t(`milestones.${s.milestone}`)}`,
          },
          {
            header: t('reports.figures.probability'),
            format: 'percent',
            value: (s) => (s === stageTotal ? null : s.probability / 100),
          },
          { header: t('reports.figures.openDeals'), format: 'integer', value: (s) => s.openDeals },
          { header: t('reports.figures.openAmount'), format: 'money', value: (s) => s.openAmount },
          {
            header: t('reports.figures.openWeighted'),
            format: 'money',
            value: (s) => s.openWeighted,
          },
          {
            header: t('reports.figures.reached'),
            format: 'integer',
            value: (s) => (s === stageTotal ? null : s.reached),
          },
          {
            header: t('reports.figures.conversion'),
            format: 'percent',
            value: (s) => s.conversion,
          },
          {
            header: t('reports.figures.dwellAvgDays'),
            format: 'decimal',
            value: (s) => s.dwellAvgDays,
          },
          {
            header: t('reports.figures.dwellMedianDays'),
            format: 'decimal',
            value: (s) => s.dwellMedianDays,
          },
        ],
        rows: k.stages,
        totals: stageTotal,
        empty: t('exportPack.empty.noDeals'),
      }),
      lineTable(c, total, t('exportPack.headings.funnelByRep'), [
        sum('created'),
        sum('won'),
        sum('lost'),
        rate('winRate'),
        sum('wonAmount', 'money'),
        sum('openDeals'),
        sum('openAmount', 'money'),
        sum('openWeighted', 'money'),
        sum('closingWeighted', 'money'),
        rate('pipelineCoverage'),
      ]),
    ],
  };
}

// ---- 5. Key opportunities -------------------------------------------------------------------

type KeyDeal = PackData['keyDeals'][number];

/** "label: text" lines of the parts that say something. */
function labelledLines(t: Tr, parts: [string, string | null][]): string[] {
  return parts
    .filter(([, text]) => text !== null && text.trim() !== '')
    .map(([label, text]) => t('exportPack.labelled', { label, text: (text ?? '').trim() }));
}

function briefText(
  t: Tr,
  who: string,
  name: string | null,
  title: string | null,
  parts: [string, string | null][],
): string | null {
  const lines = labelledLines(t, parts);
  if (!name && lines.length === 0) return null;
  const person = name
    ? title
      ? t('exportPack.personTitle', { name, title })
      : name
    : t('exportPack.unknownPerson');
  return [`${who} ${person}`, ...lines].join('\n');
}

function keyDealsSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const parts = (d: KeyDeal, who: 'contact' | 'decider'): [string, string | null][] => [
    [t('deals.brief.problem'), who === 'contact' ? d.contactProblem : d.deciderProblem],
    [t('deals.brief.cause'), who === 'contact' ? d.contactCause : d.deciderCause],
    [t('deals.brief.vision'), who === 'contact' ? d.contactVision : d.deciderVision],
    [t('deals.brief.value'), who === 'contact' ? d.contactValue : d.deciderValue],
  ];
  const columns: Column<KeyDeal>[] = [
    ...teamRepColumns<KeyDeal>(
      c,
      (d) => d.teamName,
      (d) => d.ownerName,
    ),
    {
      header: t('reports.figures.customer'),
      format: 'text',
      wrap: true,
      width: 18,
      value: (d) => d.customerName,
    },
    {
      header: t('reports.figures.title'),
      format: 'text',
      wrap: true,
      width: 16,
      value: (d) => d.title,
    },
    {
      header: t('reports.figures.milestone'),
      format: 'text',
      value: (d) => `${d.milestone} ${t(`milestones.${d.milestone}`)}`,
    },
    { header: t('reports.figures.amount'), format: 'money', value: (d) => d.amount },
    {
      header: t('reports.figures.expectedCloseOn'),
      format: 'date',
      value: (d) => d.expectedCloseOn,
    },
    {
      header: t('exportPack.col.brief'),
      format: 'text',
      wrap: true,
      width: 40,
      value: (d) =>
        [
          briefText(
            t,
            t('deals.brief.contact'),
            d.contactName,
            d.contactTitle,
            parts(d, 'contact'),
          ),
          briefText(
            t,
            t('deals.brief.decisionMaker'),
            d.deciderName,
            d.deciderTitle,
            parts(d, 'decider'),
          ),
        ]
          .filter((b) => b !== null)
          .join('\n'),
    },
    { header: t('dimensions.problem'), format: 'integer', value: (d) => d.problem },
    { header: t('dimensions.power'), format: 'integer', value: (d) => d.power },
    { header: t('dimensions.vision'), format: 'integer', value: (d) => d.vision },
    { header: t('dimensions.value'), format: 'integer', value: (d) => d.value },
    { header: t('dimensions.control'), format: 'integer', value: (d) => d.control },
    { header: t('exportPack.col.scoreTotal'), format: 'integer', value: (d) => d.total },
    {
      header: t('reports.figures.probability'),
      format: 'percent',
      value: (d) => d.probability / 100,
    },
    scoreFlagsColumn<KeyDeal>(t, t('exportPack.col.flags'), t('exportPack.separator'), (d) => d),
    {
      header: t('deals.brief.nextStep'),
      format: 'text',
      wrap: true,
      width: 28,
      value: (d) => d.nextStep,
    },
  ];
  return {
    name: t('exportPack.sheets.keyDeals'),
    note: t('exportPack.notes.keyDeals'),
    tables: [
      table<KeyDeal>({
        columns,
        rows: data.keyDeals,
        filter: true,
        empty: t('exportPack.empty.noKeyDeals'),
      }),
    ],
  };
}

// ---- 6. Visit execution ---------------------------------------------------------------------

function visitSummary(t: Tr, v: PackVisit): string | null {
  const parts: [string, string | null][] = [
    [t('exportPack.visit.problemsHandled'), v.problemsHandled],
    [t('exportPack.visit.competitorInfo'), v.competitorInfo],
    [t('exportPack.visit.customerFeedback'), v.customerFeedback],
    [t('exportPack.visit.customerNews'), v.customerNews],
    [t('exportPack.visit.learnings'), v.learnings],
  ];
  const lines = labelledLines(t, parts);
  return lines.length === 0 ? null : lines.join('\n');
}

function executionSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const k = data.scope.execution.keyFigures;
  const total = totalsLine(c);
  const { sum, rate } = figureColumns(c, (l) => (l === total ? k : l.execution));
  const visitColumns: Column<PackVisit>[] = [
    ...teamRepColumns<PackVisit>(
      c,
      (v) => v.teamName,
      (v) => v.ownerName,
    ),
    { header: t('reports.figures.day'), format: 'date', value: (v) => v.day },
    { header: t('exportPack.col.time'), format: 'text', value: (v) => v.time },
    {
      header: t('reports.figures.customer'),
      format: 'text',
      value: (v) => v.customerName,
      width: 14,
    },
    {
      header: t('reports.figures.purpose'),
      format: 'text',
      value: (v) => t(`visitPurpose.${v.purpose}`),
    },
    {
      header: t('reports.figures.status'),
      format: 'text',
      value: (v) => t(`visitStatus.${v.status}`),
      status: (v) => (v.status === 'missed' ? 'bad' : v.status === 'cancelled' ? 'warn' : null),
    },
    {
      header: t('exportPack.col.unplanned'),
      format: 'text',
      value: (v) => !v.planned,
    },
    {
      header: t('reports.figures.effective'),
      format: 'text',
      value: (v) => v.effective,
      status: (v) => (v.effective ? 'good' : null),
    },
    {
      header: t('exportPack.visit.outcome'),
      format: 'text',
      wrap: true,
      width: 30,
      value: (v) => v.outcome ?? v.goal,
    },
    { header: t('exportPack.visit.orderAmount'), format: 'money', value: (v) => v.orderAmount },
    {
      header: t('exportPack.visit.collectionAmount'),
      format: 'money',
      value: (v) => v.collectionAmount,
    },
    {
      header: t('exportPack.visit.details'),
      format: 'text',
      wrap: true,
      width: 36,
      value: (v) => visitSummary(t, v),
    },
    {
      header: t('exportPack.visit.nextAction'),
      format: 'text',
      wrap: true,
      width: 22,
      value: (v) => v.nextAction,
    },
  ];
  return {
    name: t('exportPack.sheets.execution'),
    note: t('exportPack.notes.execution'),
    tables: [
      lineTable(c, total, t('exportPack.headings.executionByRep'), [
        sum('planned'),
        sum('plannedDone'),
        sum('done'),
        sum('effective'),
        sum('unplanned'),
        sum('missed'),
        sum('awaitingSummary'),
        rate('planCompletionRate'),
        rate('effectiveVisitRate'),
        sum('newOpportunities'),
        sum('scoresUpdated'),
        sum('weeklyReportsSubmitted'),
      ]),
      table<PackVisit>({
        heading: t('exportPack.headings.weekVisits'),
        columns: visitColumns,
        rows: data.visits,
        filter: true,
        empty: t('exportPack.empty.noVisits'),
      }),
    ],
  };
}

// ---- 7. Customer visits ---------------------------------------------------------------------

type GradeRow = PackData['scope']['customerVisits']['keyFigures']['grades'][number];
type Abnormal = PackData['abnormalCustomers'][number];

/** The customer, grade, team and rep columns of a list of abnormal customers. */
function abnormalCustomerColumns(c: SheetContext): Column<Abnormal>[] {
  const { t } = c;
  return [
    { header: t('reports.figures.customer'), format: 'text', value: (a) => a.name, width: 16 },
    { header: t('reports.figures.grade'), format: 'text', value: (a) => gradeLabel(t, a.grade) },
    ...teamRepColumns<Abnormal>(
      c,
      (a) => a.teamName,
      (a) => a.repName,
    ),
  ];
}

function customerVisitsSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const k = data.scope.customerVisits.keyFigures;
  const total = totalsLine(c);
  const { sum, rate } = figureColumns(c, (l) => (l === total ? k : l.customerVisits));
  const gradeTotal: GradeRow = {
    grade: null,
    ruleDays: null,
    customers: k.customers,
    visitedCustomers: k.visitedCustomers,
    visits: k.visits,
    overdueCustomers: k.overdueCustomers,
  };
  // The most overdue first, each rep's top of the list.
  const overdue = topPerRep(
    data.abnormalCustomers.filter((a) => a.reasons.includes('overdueVisit')),
    (a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0),
  );
  return {
    name: t('exportPack.sheets.customerVisits'),
    note: t('exportPack.notes.customerVisits', { today: data.input.today }),
    tables: [
      table<GradeRow>({
        heading: t('exportPack.headings.byGrade'),
        columns: [
          {
            header: t('reports.figures.grade'),
            format: 'text',
            value: (g) => (g === gradeTotal ? t('exportPack.total') : gradeLabel(t, g.grade)),
          },
          { header: t('reports.figures.ruleDays'), format: 'days', value: (g) => g.ruleDays },
          { header: t('reports.figures.customers'), format: 'integer', value: (g) => g.customers },
          {
            header: t('reports.figures.visitedCustomers'),
            format: 'integer',
            value: (g) => g.visitedCustomers,
          },
          { header: t('reports.figures.visits'), format: 'integer', value: (g) => g.visits },
          {
            header: t('reports.figures.overdueCustomers'),
            format: 'integer',
            value: (g) => g.overdueCustomers,
            status: (g) =>
              g !== gradeTotal &&
              g.overdueCustomers > 0 &&
              (g.grade === 'key' || g.grade === 'potential')
                ? 'bad'
                : null,
          },
        ],
        rows: k.grades,
        totals: gradeTotal,
        empty: t('exportPack.empty.noCustomers'),
      }),
      lineTable(c, total, t('exportPack.headings.customerVisitsByRep'), [
        sum('customers'),
        sum('visitedCustomers'),
        sum('visits'),
        sum('overdueCustomers'),
        sum('keyCustomers'),
        sum('keyCovered'),
        rate('coverage'),
      ]),
      table<Abnormal>({
        heading:
          overdue.leftOut > 0
            ? t('exportPack.headings.overdueKeyCapped', {
                limit: LISTED_PER_REP,
                count: overdue.leftOut,
              })
            : t('exportPack.headings.overdueKey'),
        columns: [
          ...abnormalCustomerColumns(c),
          {
            header: t('reports.figures.overdueDays'),
            format: 'days',
            value: (a) => a.overdueDays,
            status: () => 'bad',
          },
          ...contactColumns(c),
        ],
        rows: overdue.rows,
        filter: true,
        empty: t('exportPack.empty.noOverdue'),
      }),
    ],
  };
}

/**
 * The last done visit (what overdue counts from) and the last contact of any kind beside it:
 * a customer called last week but not visited for 40 days is still overdue (domain.md §2).
 */
function contactColumns({ t }: SheetContext): Column<Abnormal>[] {
  return [
    { header: t('reports.figures.lastVisitOn'), format: 'date', value: (a) => a.lastVisitOn },
    { header: t('reports.figures.lastContactOn'), format: 'date', value: (a) => a.lastContactOn },
  ];
}

// ---- 8. Abnormal customers ------------------------------------------------------------------

/** Customers listed per rep at most: a meeting reads the top of each rep's list, not all of it. */
export const LISTED_PER_REP = 20;

/** The first `limit` rows of each rep (rows grouped by rep, in order), and how many were left out. */
function topPerRep<R extends { teamName: string | null; repName: string }>(
  rows: readonly R[],
  order: (a: R, b: R) => number,
  limit = LISTED_PER_REP,
): { rows: R[]; leftOut: number } {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = `${row.teamName ?? ''}\u0000${row.repName}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const out: R[] = [];
  let leftOut = 0;
  for (const group of groups.values()) {
    const sorted = [...group].sort(order);
    out.push(...sorted.slice(0, limit));
    leftOut += Math.max(0, sorted.length - limit);
  }
  return { rows: out, leftOut };
}

function abnormalSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const k = data.scope.abnormal.keyFigures;
  const total = totalsLine(c);
  const { sum } = figureColumns(c, (l) => (l === total ? k : l.abnormal));
  // Each rep's list comes in the report's order (largest overdue balance first).
  const listed = topPerRep(data.abnormalCustomers, () => 0);
  listed.leftOut += data.abnormalLeftOut;
  return {
    name: t('exportPack.sheets.abnormal'),
    note: t('exportPack.notes.abnormal', {
      previousFrom: k.previousPeriod.from,
      previousTo: k.previousPeriod.to,
    }),
    tables: [
      lineTable(c, total, t('exportPack.headings.abnormalByRep'), [
        sum('abnormalCustomers'),
        sum('overdueVisit'),
        sum('overdueCollection'),
        sum('overdueBalance', 'money'),
        sum('orderDrop'),
      ]),
      table<Abnormal>({
        heading:
          listed.leftOut > 0
            ? t('exportPack.headings.abnormalListCapped', {
                limit: LISTED_PER_REP,
                count: listed.leftOut,
              })
            : t('exportPack.headings.abnormalList'),
        columns: [
          ...abnormalCustomerColumns(c),
          {
            header: t('reports.figures.reasons'),
            format: 'text',
            value: (a) =>
              a.reasons.map((r) => t(`reports.reasons.${r}`)).join(t('exportPack.separator')),
            status: () => 'bad',
          },
          {
            header: t('reports.figures.overdueDays'),
            format: 'days',
            value: (a) => (a.reasons.includes('overdueVisit') ? a.overdueDays : null),
          },
          ...contactColumns(c),
          {
            header: t('reports.figures.overdueBalance'),
            format: 'money',
            value: (a) => (a.overdueBalance > 0 ? a.overdueBalance : null),
          },
          {
            header: t('reports.figures.oldestOverdueDueOn'),
            format: 'date',
            value: (a) => a.oldestOverdueDueOn,
          },
          { header: t('reports.figures.orders'), format: 'money', value: (a) => a.orders },
          {
            header: t('reports.figures.previousOrders'),
            format: 'money',
            value: (a) => a.previousOrders,
          },
        ],
        rows: listed.rows,
        filter: true,
        empty: t('exportPack.empty.noAbnormal'),
      }),
    ],
  };
}

// ---- 9. Next week ---------------------------------------------------------------------------

function weekdayOf(t: Tr, day: string): string {
  const labels = [
    t('exportPack.weekday.mon'),
    t('exportPack.weekday.tue'),
    t('exportPack.weekday.wed'),
    t('exportPack.weekday.thu'),
    t('exportPack.weekday.fri'),
    t('exportPack.weekday.sat'),
    t('exportPack.weekday.sun'),
  ];
  return labels[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7] ?? '';
}

function nextWeekSheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const perRep = new Map<
    string,
    { team: string | null; rep: string; visits: number; days: Set<string> }
  >();
  for (const v of data.nextWeekVisits) {
    const key = `${v.teamName ?? ''}\u0000${v.ownerName}`;
    const entry = perRep.get(key) ?? {
      team: v.teamName,
      rep: v.ownerName,
      visits: 0,
      days: new Set(),
    };
    entry.visits += 1;
    entry.days.add(v.day);
    perRep.set(key, entry);
  }
  type RepCount = { team: string | null; rep: string; visits: number; days: Set<string> };
  const counts = [...perRep.values()];
  return {
    name: t('exportPack.sheets.nextWeek'),
    note: t('exportPack.notes.nextWeek', {
      week: data.nextWeek.key,
      from: data.nextWeek.from,
      to: data.nextWeek.to,
    }),
    tables: [
      table<RepCount>({
        heading: t('exportPack.headings.nextWeekByRep'),
        columns: [
          ...teamRepColumns<RepCount>(
            c,
            (r) => r.team,
            (r) => r.rep,
          ),
          { header: t('exportPack.col.plannedVisits'), format: 'integer', value: (r) => r.visits },
          { header: t('exportPack.col.plannedDays'), format: 'integer', value: (r) => r.days.size },
        ],
        rows: counts,
        totals: {
          team: t('exportPack.total'),
          rep: c.company ? '' : t('exportPack.total'),
          visits: data.nextWeekVisits.length,
          days: new Set(data.nextWeekVisits.map((v) => v.day)),
        },
        empty: t('exportPack.empty.noPlan'),
      }),
      table<PackVisit>({
        heading: t('exportPack.headings.nextWeekVisits'),
        columns: [
          ...teamRepColumns<PackVisit>(
            c,
            (v) => v.teamName,
            (v) => v.ownerName,
          ),
          { header: t('reports.figures.day'), format: 'date', value: (v) => v.day },
          {
            header: t('exportPack.col.weekday'),
            format: 'text',
            value: (v) => weekdayOf(t, v.day),
          },
          { header: t('exportPack.col.time'), format: 'text', value: (v) => v.time },
          {
            header: t('reports.figures.customer'),
            format: 'text',
            value: (v) => v.customerName,
            width: 16,
          },
          { header: t('exportPack.col.area'), format: 'text', value: (v) => v.area },
          {
            header: t('reports.figures.purpose'),
            format: 'text',
            value: (v) => t(`visitPurpose.${v.purpose}`),
          },
          {
            header: t('exportPack.col.goal'),
            format: 'text',
            value: (v) => v.goal,
          },
        ],
        rows: data.nextWeekVisits,
        filter: true,
        empty: t('exportPack.empty.noPlan'),
      }),
    ],
  };
}

// ---- 10. Weekly reports ---------------------------------------------------------------------

type Weekly = PackData['weeklyReports'][number];

function weeklySheet(c: SheetContext): SheetBody {
  const { data, t } = c;
  const statusFill = (w: Weekly): Status =>
    w.status === 'missing' ? 'bad' : w.status === 'draft' ? 'warn' : 'good';
  const wrapped = (header: string, pick: (w: Weekly) => string | null): Column<Weekly> => ({
    header,
    format: 'text',
    wrap: true,
    width: 30,
    value: pick,
  });
  const submitted = data.weeklyReports.filter(
    (w) => w.status === 'submitted' || w.status === 'reviewed',
  ).length;
  return {
    name: t('exportPack.sheets.weekly'),
    note: t('exportPack.notes.weekly', { submitted, total: data.weeklyReports.length }),
    tables: [
      table<Weekly>({
        columns: [
          ...teamRepColumns<Weekly>(
            c,
            (w) => w.teamName,
            (w) => w.name,
          ),
          {
            header: t('reports.figures.status'),
            format: 'text',
            value: (w) => (w.returned ? t('weekly.returnedBadge') : t(`weekly.status.${w.status}`)),
            status: statusFill,
          },
          {
            header: t('exportPack.col.submittedAt'),
            format: 'datetime',
            value: (w) => (w.submittedAt ? localMinute(new Date(w.submittedAt)) : null),
          },
          wrapped(t('weekly.fields.competition'), (w) => w.competition),
          wrapped(t('weekly.fields.abnormalCustomers'), (w) => w.abnormalCustomers),
          wrapped(t('weekly.fields.nextWeekPlan'), (w) => w.nextWeekPlan),
          wrapped(t('weekly.fields.helpNeeded'), (w) => w.helpNeeded),
          wrapped(t('exportPack.col.reviewComment'), (w) => w.reviewComment),
        ],
        rows: data.weeklyReports,
        filter: true,
        empty: t('exportPack.empty.noWeekly'),
      }),
    ],
  };
}
