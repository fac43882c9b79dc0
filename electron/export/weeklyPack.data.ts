import { sql, type SQL } from 'drizzle-orm';
import type { PackScope, WeeklyPackInput } from '../../shared/contract/exports';
import type { ReportInput, ReportName, ReportOf, ReportScope } from '../../shared/contract/reports';
import type { WeeklyListStatus } from '../../shared/contract/weekly';
import { calibrate } from '../../shared/domain/intensity';
import type { DealStatus, Milestone } from '../../shared/domain/milestones';
import { periodOf } from '../../shared/domain/periods';
import { addDaysTo, isoWeek, isoWeekRange, utcToZoned, zoneLabel } from '../../shared/domain/time';
import type { VisitPurpose, VisitStatus } from '../../shared/domain/visits';
import { AppError } from '../core/errors';
import type { Db } from '../db/connection';
import { runReport } from '../features/reports/run';
import { teamAt } from '../features/team/team.memberships';
import { weeklyList } from '../features/weekly/weekly.list';

/**
 * The weekly meeting pack's figures (domain.md §8), collected from the app's own sources so
 * every number equals what the app shows for the same week and scope:
 * - the reports (`runReport`) for the week, for the scope and — for the per-rep tables — for
 *   each team one level down (the reports' rows below a team are its reps; teams are flat);
 * - month to date as the weekly report counts it (weekly.figures.ts): the whole month's
 *   target and the month's time progress as of the as-of day (the `month` report run on that
 *   day), against the actual from the 1st to the as-of day (a custom period);
 * - abnormal customers listed per rep (the report lists customers one rep at a time);
 * - the key deals, the week's visits, next week's plan and the weekly reports (weekly.list.ts)
 *   read here, scoped as the reports scope them (the owner's team on the day).
 */

export type AttainmentReport = ReportOf<'attainment'>;
export type Metric = 'sales' | 'collections' | 'newCustomers' | 'visits' | 'effectiveVisits';

/** A team or rep of a report's rows (or the scope itself). */
export type Unit = { key: string; kind: 'scope' | 'team' | 'rep'; id: string | null; name: string };

/** The reports one unit (the scope or a team) answers for the week. */
export type UnitReports = {
  attainmentWeek: AttainmentReport;
  /** The `month` report as of the as-of day: the whole month's target and time progress. */
  attainmentMonth: AttainmentReport;
  /** Actuals from the 1st to the as-of day; null when the month has not started by then. */
  attainmentMtd: AttainmentReport | null;
  performance: ReportOf<'performance'>;
  funnel: ReportOf<'funnel'>;
  execution: ReportOf<'execution'>;
  customerVisits: ReportOf<'customerVisits'>;
  abnormal: ReportOf<'abnormalCustomers'>;
};

type ScopeRows<N extends ReportName> = Extract<
  ReportOf<N>['rows'][number],
  { kind: 'team' | 'rep' }
>;

/**
 * A line of the per-rep tables: a team (its row in the company's reports, a subtotal) or a
 * rep (their row in their team's reports; a rep without a team: the company's).
 */
export type PackLine = {
  kind: 'team' | 'rep';
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  attainmentWeek: ScopeRows<'attainment'> | undefined;
  attainmentMonth: ScopeRows<'attainment'> | undefined;
  attainmentMtd: ScopeRows<'attainment'> | undefined;
  performance: ScopeRows<'performance'> | undefined;
  funnel: ScopeRows<'funnel'> | undefined;
  execution: ScopeRows<'execution'> | undefined;
  customerVisits: ScopeRows<'customerVisits'> | undefined;
  abnormal: ScopeRows<'abnormalCustomers'> | undefined;
};

export type AbnormalCustomer = Extract<
  ReportOf<'abnormalCustomers'>['rows'][number],
  { kind: 'customer' }
> & { repName: string; teamName: string | null };

export type KeyDeal = {
  id: string;
  title: string;
  customerName: string;
  ownerName: string;
  teamName: string | null;
  milestone: Milestone;
  status: DealStatus;
  amount: number;
  expectedCloseOn: string;
  nextStep: string | null;
  contactName: string | null;
  contactTitle: string | null;
  contactProblem: string | null;
  contactCause: string | null;
  contactVision: string | null;
  contactValue: string | null;
  deciderName: string | null;
  deciderTitle: string | null;
  deciderProblem: string | null;
  deciderCause: string | null;
  deciderVision: string | null;
  deciderValue: string | null;
  problem: number | null;
  power: number | null;
  vision: number | null;
  value: number | null;
  control: number | null;
  total: number | null;
  /** Milestone probability, percent. */
  probability: number;
  overClaimed: boolean;
  stale: boolean;
  unscored: boolean;
};

export type PackVisit = {
  id: string;
  day: string;
  /** Local wall time of the start (the visit's own time zone), HH:mm. */
  time: string;
  ownerName: string;
  teamName: string | null;
  customerName: string;
  area: string | null;
  purpose: VisitPurpose;
  status: VisitStatus;
  planned: boolean;
  effective: boolean | null;
  goal: string | null;
  outcome: string | null;
  problemsHandled: string | null;
  orderAmount: number | null;
  collectionAmount: number | null;
  competitorInfo: string | null;
  customerFeedback: string | null;
  customerNews: string | null;
  learnings: string | null;
  nextAction: string | null;
};

export type PackWeekly = {
  userId: string;
  name: string;
  teamName: string | null;
  status: WeeklyListStatus;
  returned: boolean;
  submittedAt: string | null;
  competition: string | null;
  abnormalCustomers: string | null;
  nextWeekPlan: string | null;
  helpNeeded: string | null;
  reviewComment: string | null;
};

export type PackData = {
  input: WeeklyPackInput;
  /** The team's name; null for the company. */
  scopeName: string | null;
  week: { key: string; from: string; to: string };
  nextWeek: { key: string; from: string; to: string };
  /** The day the figures count up to: today during the week, else its Sunday. */
  asOf: string;
  /** The month of the month-to-date figures (the as-of day's month). */
  month: { key: string; from: string; to: string };
  scope: UnitReports;
  /** The units one level down (company: teams and reps without a team; team: its reps). */
  units: Unit[];
  /** Company: each team then its reps, then reps without a team; team: its reps. */
  lines: PackLine[];
  abnormalCustomers: AbnormalCustomer[];
  /** How many abnormal customers the rep lists left out (each rep's list is capped). */
  abnormalLeftOut: number;
  keyDeals: KeyDeal[];
  visits: PackVisit[];
  nextWeekVisits: PackVisit[];
  weeklyReports: PackWeekly[];
};

/** What `weeklyPack` checks before asking where to save: the week and the scope. */
export type ResolvedPack = {
  input: WeeklyPackInput;
  scopeName: string | null;
  week: { key: string; from: string; to: string };
};

/** The week's days and the scope's name; an unknown or deleted team is `not_found`. */
export function resolvePack(db: Db, input: WeeklyPackInput): ResolvedPack {
  const range = isoWeekRange(input.week);
  if (!range)
    throw new AppError('invalid_input', `no ISO week ${input.week}`, 'validation.invalid');
  let scopeName: string | null = null;
  if (input.scope.type === 'team') {
    const team = db.get<{ name: string; deleted: number }>(
      sql`SELECT name, deleted_at IS NOT NULL AS deleted FROM teams WHERE id = ${input.scope.id}`,
    );
    if (!team || team.deleted === 1)
      throw new AppError('not_found', `team ${input.scope.id} not found`, 'errors.notFound');
    scopeName = team.name;
  }
  return { input, scopeName, week: { key: input.week, ...range } };
}

const reportScope = (s: PackScope): ReportScope =>
  s.type === 'company' ? { type: 'company' } : { type: 'team', id: s.id };

function unitReports(
  db: Db,
  scope: ReportScope,
  p: { monday: string; today: string; asOf: string; monthDay: string; monthFrom: string },
): UnitReports {
  const week: ReportInput['period'] = { kind: 'week', date: p.monday };
  const run = <N extends ReportName>(
    report: N,
    period: ReportInput['period'] = week,
    today = p.today,
  ) => runReport(db, { report, period, scope, today }) as ReportOf<N>;
  return {
    attainmentWeek: run('attainment'),
    attainmentMonth: run('attainment', { kind: 'month', date: p.monthDay }, p.asOf),
    attainmentMtd:
      p.asOf < p.monthFrom
        ? null
        : run('attainment', { kind: 'custom', from: p.monthFrom, to: p.asOf }, p.asOf),
    performance: run('performance'),
    funnel: run('funnel'),
    execution: run('execution'),
    customerVisits: run('customerVisits'),
    abnormal: run('abnormalCustomers'),
  };
}

/** A report's rows one level down (teams and reps), by key. */
function scopeRowsOf<N extends ReportName>(report: ReportOf<N>): Map<string, ScopeRows<N>> {
  const out = new Map<string, ScopeRows<N>>();
  for (const row of report.rows as { kind: string; id: string }[])
    if (row.kind === 'team' || row.kind === 'rep')
      out.set(`${row.kind}:${row.id}`, row as ScopeRows<N>);
  return out;
}

/** The rows of a unit's reports for one key. */
function repOf(
  u: UnitReports,
  key: string,
): Omit<PackLine, 'kind' | 'id' | 'name' | 'teamId' | 'teamName'> {
  return {
    attainmentWeek: scopeRowsOf(u.attainmentWeek).get(key),
    attainmentMonth: scopeRowsOf(u.attainmentMonth).get(key),
    attainmentMtd: u.attainmentMtd ? scopeRowsOf(u.attainmentMtd).get(key) : undefined,
    performance: scopeRowsOf(u.performance).get(key),
    funnel: scopeRowsOf(u.funnel).get(key),
    execution: scopeRowsOf(u.execution).get(key),
    customerVisits: scopeRowsOf(u.customerVisits).get(key),
    abnormal: scopeRowsOf(u.abnormal).get(key),
  };
}

/** The rows of every report of a unit, in the order the attainment report lists them (then the rest). */
function unitsOf(u: UnitReports): Unit[] {
  const seen = new Map<string, Unit>();
  const reports = [
    u.attainmentWeek,
    u.attainmentMonth,
    u.attainmentMtd,
    u.performance,
    u.funnel,
    u.execution,
    u.customerVisits,
    u.abnormal,
  ];
  for (const report of reports) {
    if (!report) continue;
    for (const row of report.rows as { kind: string; id: string; name: string }[]) {
      if (row.kind !== 'team' && row.kind !== 'rep') continue;
      const key = `${row.kind}:${row.id}`;
      if (!seen.has(key)) seen.set(key, { key, kind: row.kind, id: row.id, name: row.name });
    }
  }
  return [...seen.values()];
}

/** Names in the reports' order (Chinese collation), none last. */
function byName(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh-CN');
}

/** The condition "this owner was in the team on that day" for team scopes; TRUE for the company. */
function inTeam(scope: PackScope, owner: SQL, day: SQL | string): SQL {
  return scope.type === 'team' ? sql`${teamAt(owner, day)} = ${scope.id}` : sql`1`;
}

type DealRow = Omit<
  KeyDeal,
  'probability' | 'overClaimed' | 'stale' | 'unscored' | 'total' | 'teamName'
> & {
  teamId: string | null;
  scoreTotal: number | null;
  scoredAt: string | null;
};

/** Open key deals (关键机会) in scope (the owner's team today, as the funnel counts open deals). */
function keyDeals(
  db: Db,
  scope: PackScope,
  today: string,
  teamNames: Map<string, string>,
): KeyDeal[] {
  const rows = db.all<DealRow>(sql`SELECT d.id AS id, d.title AS title,
      coalesce(c.name, '') AS customerName, coalesce(u.name, '') AS ownerName,
      ${teamAt(sql`d.owner_id`, today)} AS teamId,
      d.milestone AS milestone, d.status AS status, d.amount AS amount,
      d.expected_close_on AS expectedCloseOn, d.next_step AS nextStep,
      ct.name AS contactName, ct.title AS contactTitle, d.contact_problem AS contactProblem,
      d.contact_cause AS contactCause, d.contact_vision AS contactVision, d.contact_value AS contactValue,
      dm.name AS deciderName, dm.title AS deciderTitle, d.decider_problem AS deciderProblem,
      d.decider_cause AS deciderCause, d.decider_vision AS deciderVision, d.decider_value AS deciderValue,
      s.problem_points AS problem, s.power_points AS power, s.vision_points AS vision,
      s.value_points AS value, s.control_points AS control,
      d.score_total AS scoreTotal, d.scored_at AS scoredAt
    FROM deals d
    LEFT JOIN customers c ON c.id = d.customer_id
    LEFT JOIN users u ON u.id = d.owner_id
    LEFT JOIN contacts ct ON ct.id = d.contact_id
    LEFT JOIN contacts dm ON dm.id = d.decider_id
    LEFT JOIN deal_scores s ON s.id = d.score_id
    WHERE d.status = 'open' AND d.is_key = 1 AND d.deleted_at IS NULL
      AND ${inTeam(scope, sql`d.owner_id`, today)}
    ORDER BY d.milestone DESC, d.amount DESC, d.id`);
  const out = rows.map(({ teamId, scoreTotal, scoredAt, ...r }) => {
    const c = calibrate(
      r,
      scoreTotal === null || scoredAt === null ? null : { total: scoreTotal, scoredAt },
      today,
    );
    return {
      ...r,
      teamName: teamId ? (teamNames.get(teamId) ?? null) : null,
      total: c.total,
      probability: c.probability,
      overClaimed: c.overClaimed,
      stale: c.stale,
      unscored: c.unscored,
    };
  });
  // Each rep's key deals together (the order reps present them), furthest along and largest first.
  return out.sort((a, b) => byName(a.teamName, b.teamName) || byName(a.ownerName, b.ownerName));
}

/** A start instant as the wall time of its own zone (HH:mm); UTC if the zone is unknown. */
function wallTime(at: string, zone: string): string {
  try {
    return utcToZoned(at, zone).time;
  } catch {
    return at.slice(11, 16);
  }
}

/** The zone most of the visits were planned in (ties: the first in name order). */
function commonestZone(zones: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const z of zones) counts.set(z, (counts.get(z) ?? 0) + 1);
  let best: string | null = null;
  for (const [zone, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (best === null || n > (counts.get(best) ?? 0)) best = zone;
  return best;
}

/** A zone in words every reader of the pack parses: "Asia/Tokyo GMT+9". */
function zoneNote(zone: string, at: string): string {
  try {
    return `${zone} ${zoneLabel(zone, at, 'en').split(' ').pop() ?? ''}`.trim();
  } catch {
    return zone;
  }
}

type VisitRow = Omit<PackVisit, 'time' | 'teamName' | 'planned' | 'effective'> & {
  startAt: string;
  timeZone: string;
  teamId: string | null;
  planned: number;
  effective: number | null;
};

/** Visits of live customers on the days of a range, in scope by the owner's team on the visit's day. */
function visitsIn(
  db: Db,
  scope: PackScope,
  range: { from: string; to: string },
  teamNames: Map<string, string>,
  only: 'all' | 'plan',
): PackVisit[] {
  const rows = db.all<VisitRow>(sql`SELECT v.id AS id, v.day AS day, v.start_at AS startAt,
      v.time_zone AS timeZone, coalesce(u.name, '') AS ownerName,
      ${teamAt(sql`v.owner_id`, sql`v.day`)} AS teamId, c.name AS customerName, v.area AS area,
      v.purpose AS purpose, v.status AS status, v.planned AS planned, v.effective AS effective,
      v.goal AS goal, v.outcome AS outcome, v.problems_handled AS problemsHandled,
      v.order_amount AS orderAmount, v.collection_amount AS collectionAmount,
      v.competitor_info AS competitorInfo, v.customer_feedback AS customerFeedback,
      v.customer_news AS customerNews, v.learnings AS learnings, v.next_action AS nextAction
    FROM visits v
    JOIN customers c ON c.id = v.customer_id AND c.deleted_at IS NULL
    LEFT JOIN users u ON u.id = v.owner_id
    WHERE v.deleted_at IS NULL AND v.day >= ${range.from} AND v.day <= ${range.to}
      ${only === 'plan' ? sql`AND v.planned = 1 AND v.status <> 'cancelled'` : sql``}
      AND ${inTeam(scope, sql`v.owner_id`, sql`v.day`)}
    ORDER BY v.day, v.start_at, v.route_order, v.id`);
  // One rule with the calendar (ADR 0013): a visit's wall time in its own zone; a visit planned
  // in another zone than most of the pack's carries that zone beside its time.
  const home = commonestZone(rows.map((r) => r.timeZone));
  const out = rows.map(({ startAt, timeZone, teamId, planned, effective, ...r }) => {
    return {
      ...r,
      time:
        timeZone === home
          ? wallTime(startAt, timeZone)
          : `${wallTime(startAt, timeZone)} (${zoneNote(timeZone, startAt)})`,
      teamName: teamId ? (teamNames.get(teamId) ?? null) : null,
      planned: planned === 1,
      effective: effective === null ? null : effective === 1,
    };
  });
  // By team, then rep, then day and time: each rep's visits together.
  return out.sort(
    (a, b) =>
      byName(a.teamName, b.teamName) ||
      byName(a.ownerName, b.ownerName) ||
      a.day.localeCompare(b.day) ||
      a.time.localeCompare(b.time),
  );
}

/** Who has written their weekly report (the manager's weekly list) with the written fields. */
function weeklyReports(db: Db, scope: PackScope, week: string): PackWeekly[] {
  const list = weeklyList(db, week, scope.type === 'team' ? scope.id : undefined);
  const ids = list.rows.map((r) => r.reportId).filter((id): id is string => id !== null);
  const written = new Map(
    (ids.length === 0
      ? []
      : db.all<{
          id: string;
          competition: string | null;
          abnormalCustomers: string | null;
          nextWeekPlan: string | null;
          helpNeeded: string | null;
          reviewComment: string | null;
        }>(sql`SELECT id, competition, abnormal_customers AS abnormalCustomers,
          next_week_plan AS nextWeekPlan, help_needed AS helpNeeded, review_comment AS reviewComment
          FROM weekly_reports WHERE id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`)
    ).map((r) => [r.id, r]),
  );
  return list.rows.map((r) => {
    const w = r.reportId ? written.get(r.reportId) : undefined;
    return {
      userId: r.userId,
      name: r.name,
      teamName: r.teamName,
      status: r.status,
      returned: r.returned,
      submittedAt: r.submittedAt,
      competition: w?.competition ?? null,
      abnormalCustomers: w?.abnormalCustomers ?? null,
      nextWeekPlan: w?.nextWeekPlan ?? null,
      helpNeeded: w?.helpNeeded ?? null,
      reviewComment: w?.reviewComment ?? null,
    };
  });
}

/** Collects every figure of the pack (read-only). */
export function packData(db: Db, resolved: ResolvedPack): PackData {
  const { input, week } = resolved;
  const asOf = input.today < week.to ? input.today : week.to;
  const monthDay = asOf < week.from ? week.from : asOf;
  const month = periodOf('month', monthDay);
  const nextFrom = addDaysTo(week.from, 7);
  const nextWeek = { key: isoWeek(nextFrom), from: nextFrom, to: addDaysTo(nextFrom, 6) };
  const p = { monday: week.from, today: input.today, asOf, monthDay, monthFrom: month.from };

  const teamNames = new Map(
    db
      .all<{ id: string; name: string }>(sql`SELECT id, name FROM teams`)
      .map((t) => [t.id, t.name]),
  );
  const scope = unitReports(db, reportScope(input.scope), p);
  const units = unitsOf(scope);

  // Lines: a team's report rows are its reps; the company's are teams (each run as a team
  // scope for its reps) and reps without a team.
  const lines: PackLine[] = [];
  const scopeTeam = input.scope.type === 'team' ? input.scope.id : null;
  for (const u of units) {
    if (!u.id) continue;
    if (u.kind === 'rep') {
      lines.push({
        kind: 'rep',
        id: u.id,
        name: u.name,
        teamId: scopeTeam,
        teamName: resolved.scopeName,
        ...repOf(scope, u.key),
      });
      continue;
    }
    lines.push({
      kind: 'team',
      id: u.id,
      name: u.name,
      teamId: u.id,
      teamName: u.name,
      ...repOf(scope, u.key),
    });
    const team = unitReports(db, { type: 'team', id: u.id }, p);
    for (const r of unitsOf(team))
      if (r.kind === 'rep' && r.id)
        lines.push({
          kind: 'rep',
          id: r.id,
          name: r.name,
          teamId: u.id,
          teamName: u.name,
          ...repOf(team, r.key),
        });
  }
  // Abnormal customers are listed one rep at a time (the report's rows under a rep).
  const abnormalCustomers: AbnormalCustomer[] = [];
  let abnormalLeftOut = 0;
  for (const rep of lines) {
    if (rep.kind !== 'rep' || !rep.abnormal || rep.abnormal.abnormalCustomers === 0) continue;
    const list = runReport(db, {
      report: 'abnormalCustomers',
      period: { kind: 'week', date: week.from },
      scope: { type: 'rep', id: rep.id },
      today: input.today,
    }) as ReportOf<'abnormalCustomers'>;
    abnormalLeftOut += list.rowsTotal - list.rows.length;
    for (const row of list.rows)
      if (row.kind === 'customer')
        abnormalCustomers.push({ ...row, repName: rep.name, teamName: rep.teamName });
  }

  return {
    input,
    scopeName: resolved.scopeName,
    week,
    nextWeek,
    asOf,
    month: { key: month.from.slice(0, 7), ...month },
    scope,
    units,
    lines,
    abnormalCustomers,
    abnormalLeftOut,
    keyDeals: keyDeals(db, input.scope, input.today, teamNames),
    visits: visitsIn(db, input.scope, week, teamNames, 'all'),
    nextWeekVisits: visitsIn(db, input.scope, nextWeek, teamNames, 'plan'),
    weeklyReports: weeklyReports(db, input.scope, week.key),
  };
}
