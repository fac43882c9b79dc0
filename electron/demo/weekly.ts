import type { WeeklyFigures } from '../../shared/contract/weekly';
import {
  isBehind,
  periodOf,
  timeProgress,
  type CalendarOverrides,
  type DayRange,
} from '../../shared/domain/periods';
import {
  attainment,
  targetMetrics,
  targetOfRange,
  type TargetMetric,
  targetUnit,
} from '../../shared/domain/targets';
import { addDaysTo, isoWeek, isoWeekRange } from '../../shared/domain/time';
import { effectiveVisitRate, planCompletionRate } from '../../shared/domain/visits';
import type { BulkInserter } from './bulk';
import type { Rng } from './random';
import type { DemoTargets } from './targets';
import { rowMeta, type DemoWorld } from './world';

/** Past weeks with reports. */
const WEEKS = 12;

const competition = [
  '竞争对手在本区域降价约 5%，我们以交期和服务响应应对。',
  '某进口品牌加大了对重点客户的拜访频率，需要关注。',
  '本周未发现明显的竞争动作。',
  '对手推出以旧换新活动，两家客户在比价。',
  '竞品交期延长到八周，我们的现货优势明显。',
];
const abnormal = [
  '一家重点客户超过 30 天未拜访，已排进下周计划。',
  '一笔货款逾期两周，已与客户财务确认付款日期。',
  '无异常客户。',
  '某客户订货量较上月下降一半，原因是产线停产检修。',
];
const help = [
  null,
  null,
  null,
  '需要技术部门支持一次现场演示。',
  '希望经理陪同拜访决策者。',
  '需要申请特价审批。',
];
const comments = [
  '好，继续跟进重点机会。',
  '注意逾期货款的催收。',
  '下周请重点推进 M3 阶段的机会。',
  '已阅。',
  '拜访计划充实，注意提高有效拜访率。',
];

type Daily = {
  sales: number;
  won: number;
  lost: number;
  newCustomers: number;
  collections: number;
  planned: number;
  plannedDone: number;
  done: number;
  effective: number;
};
const zero = (): Daily => ({
  sales: 0,
  won: 0,
  lost: 0,
  newCustomers: 0,
  collections: 0,
  planned: 0,
  plannedDone: 0,
  done: 0,
  effective: 0,
});

/**
 * Per rep and day, what the weekly figures add up (the definitions of
 * electron/features/weekly/weekly.figures.ts, as grouped queries over the window).
 */
function dailyFigures(out: BulkInserter, window: DayRange) {
  const days = new Map<string, Map<string, Daily>>();
  const at = (owner: string, day: string) => {
    let byDay = days.get(owner);
    if (!byDay) days.set(owner, (byDay = new Map()));
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = zero()));
    return d;
  };
  type Row = { o: string; d: string; a: number; b: number; c: number; e: number };
  const { from, to } = window;
  for (const r of out.rows<Row>(
    "SELECT owner_id AS o, closed_on AS d, sum(CASE WHEN status = 'won' THEN amount ELSE 0 END) AS a, sum(status = 'won') AS b, sum(status = 'lost') AS c, 0 AS e FROM deals WHERE status IN ('won', 'lost') AND deleted_at IS NULL AND closed_on BETWEEN ? AND ? GROUP BY owner_id, closed_on",
    from,
    to,
  ))
    Object.assign(at(r.o, r.d), { sales: r.a, won: r.b, lost: r.c });
  for (const r of out.rows<Row>(
    // Customers developed: the day of their first won deal, credited to its owner (the reports' rule).
    "SELECT f.o AS o, f.d AS d, count(*) AS a, 0 AS b, 0 AS c, 0 AS e FROM (SELECT owner_id AS o, min(closed_on) AS d FROM deals WHERE status = 'won' AND deleted_at IS NULL GROUP BY customer_id) f WHERE f.d BETWEEN ? AND ? GROUP BY f.o, f.d",
    from,
    to,
  ))
    at(r.o, r.d).newCustomers = r.a;
  for (const r of out.rows<Row>(
    'SELECT d.owner_id AS o, c.collected_on AS d, sum(c.amount) AS a, 0 AS b, 0 AS c, 0 AS e FROM collections c JOIN deals d ON d.id = c.deal_id WHERE c.collected_on BETWEEN ? AND ? GROUP BY d.owner_id, c.collected_on',
    from,
    to,
  ))
    at(r.o, r.d).collections = r.a;
  for (const r of out.rows<Row>(
    "SELECT v.owner_id AS o, v.day AS d, sum(v.planned = 1) AS a, sum(v.planned = 1 AND v.status = 'done') AS b, sum(v.status = 'done') AS c, sum(v.status = 'done' AND v.effective = 1) AS e FROM visits v JOIN customers cu ON cu.id = v.customer_id AND cu.deleted_at IS NULL WHERE v.deleted_at IS NULL AND v.day BETWEEN ? AND ? GROUP BY v.owner_id, v.day",
    from,
    to,
  ))
    Object.assign(at(r.o, r.d), { planned: r.a, plannedDone: r.b, done: r.c, effective: r.e });
  // Forward moves to an open milestone, as (rep, deal, day): a deal counts once a week.
  const moves = new Map<string, { deal: string; d: string }[]>();
  for (const m of out.rows<{ o: string; deal: string; d: string }>(
    "SELECT DISTINCT d.owner_id AS o, sh.deal_id AS deal, substr(sh.at, 1, 10) AS d FROM stage_history sh JOIN deals d ON d.id = sh.deal_id WHERE sh.from_milestone IS NOT NULL AND sh.to_status = 'open' AND sh.to_milestone > sh.from_milestone AND sh.at >= ? AND sh.at < ?",
    from,
    addDaysTo(to, 1),
  )) {
    const list = moves.get(m.o) ?? [];
    list.push(m);
    moves.set(m.o, list);
  }
  return { days, moves };
}

export function demoWeeklyReports(
  world: DemoWorld,
  out: BulkInserter,
  rng: Rng,
  context: { targets: DemoTargets; overrides: CalendarOverrides },
): void {
  const today = world.today.toISOString().slice(0, 10);
  const thisMonday = isoWeekRange(isoWeek(today))?.from ?? today;
  const weeks = Array.from({ length: WEEKS }, (_, i) =>
    isoWeek(addDaysTo(thisMonday, -7 * (i + 1))),
  );
  const oldest = isoWeekRange(weeks[weeks.length - 1] ?? '')?.from ?? thisMonday;
  const window = { from: `${oldest.slice(0, 7)}-01`, to: addDaysTo(thisMonday, -1) };
  const { days, moves } = dailyFigures(out, window);
  const plans = new Map<string, { day: string; name: string }[]>();
  for (const v of out.rows<{ o: string; day: string; name: string }>(
    'SELECT v.owner_id AS o, v.day AS day, c.name AS name FROM visits v JOIN customers c ON c.id = v.customer_id WHERE v.planned = 1 AND v.day BETWEEN ? AND ? ORDER BY v.owner_id, v.day, v.route_order, v.start_at',
    addDaysTo(oldest, 7),
    addDaysTo(thisMonday, 6),
  )) {
    const list = plans.get(v.o) ?? [];
    list.push({ day: v.day, name: v.name });
    plans.set(v.o, list);
  }
  const managers = new Map(
    world.users.filter((u) => u.role === 'manager').map((u) => [u.teamId, u.id]),
  );

  const sum = (rep: string, range: DayRange): Daily => {
    const total = zero();
    const byDay = days.get(rep);
    if (!byDay) return total;
    for (let d = range.from; d <= range.to; d = addDaysTo(d, 1)) {
      const day = byDay.get(d);
      if (day) for (const k of Object.keys(total) as (keyof Daily)[]) total[k] += day[k];
    }
    return total;
  };
  const targetOf = (rep: string, metric: TargetMetric, range: DayRange): number | null => {
    const byYear = context.targets.get(`rep:${rep}`)?.get(metric);
    let total: number | null = null;
    for (const [year, cells] of byYear ?? []) {
      const value = targetOfRange(year, cells, range, context.overrides, targetUnit(metric));
      if (value !== null) total = (total ?? 0) + value;
    }
    return total;
  };
  const actual = (d: Daily): Record<TargetMetric, number> => ({
    sales: d.sales,
    collections: d.collections,
    newCustomers: d.newCustomers,
    visits: d.done,
    effectiveVisits: d.effective,
  });
  const figure = (target: number | null, value: number, range: DayRange, asOf: string) => {
    const progress = timeProgress(range, asOf, context.overrides);
    const rate = attainment(value, target);
    return {
      target,
      actual: value,
      attainment: rate,
      timeProgress: progress,
      behind: isBehind(rate, progress),
    };
  };

  const figuresOf = (rep: string, week: string, asOfDay: string): WeeklyFigures => {
    const range = isoWeekRange(week) ?? { from: asOfDay, to: asOfDay };
    const asOf = asOfDay < range.to ? asOfDay : range.to;
    const month = periodOf('month', asOf);
    const w = sum(rep, range);
    const weekActual = actual(w);
    const mtdActual = actual(sum(rep, { from: month.from, to: asOf }));
    const advanced = new Set(
      (moves.get(rep) ?? []).filter((m) => m.d >= range.from && m.d <= range.to).map((m) => m.deal),
    ).size;
    return {
      week,
      from: range.from,
      to: range.to,
      asOf,
      sales: w.sales,
      newCustomers: w.newCustomers,
      collections: w.collections,
      visits: {
        planned: w.planned,
        plannedDone: w.plannedDone,
        done: w.done,
        effective: w.effective,
        completionRate: planCompletionRate(w),
        effectiveRate: effectiveVisitRate(w),
      },
      deals: { advanced, won: w.won, lost: w.lost },
      attainment: Object.fromEntries(
        targetMetrics.map((m) => [
          m,
          {
            week: figure(targetOf(rep, m, range), weekActual[m], range, asOf),
            monthToDate: {
              month: month.from.slice(0, 7),
              ...figure(targetOf(rep, m, month), mtdActual[m], month, asOf),
            },
          },
        ]),
      ) as WeeklyFigures['attainment'],
    };
  };

  const iso = (day: string, hour: number) =>
    new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  for (const rep of world.reps()) {
    const manager = managers.get(rep.teamId) ?? null;
    weeks.forEach((week, i) => {
      const range = isoWeekRange(week);
      if (!range) return;
      const r = rng.float();
      if (r < 0.06) return; // missing
      const draft = r < 0.06 + (i === 0 ? 0.08 : 0.02);
      const planned = (plans.get(rep.id) ?? []).filter(
        (p) => p.day > range.to && p.day <= addDaysTo(range.to, 7),
      );
      const fields = {
        competition: rng.pick(competition),
        abnormal_customers: rng.pick(abnormal),
        next_week_plan:
          planned.length > 0
            ? planned
                .slice(0, 5)
                .map((p) => `${p.day} ${p.name}`)
                .join('\n')
            : '继续跟进本月重点客户。',
        help_needed: rng.pick(help),
      };
      // Friday afternoon in Shanghai, or (one in five) the Monday after.
      const late = rng.chance(0.2);
      const submitted = late
        ? iso(addDaysTo(range.to, 1), rng.int(1, 3))
        : iso(addDaysTo(range.from, 4), rng.int(7, 10));
      const reviewed = iso(addDaysTo(range.to, rng.int(1, 3)), rng.int(2, 9));
      const isReviewed =
        !draft && manager !== null && rng.chance(i === 0 ? 0.35 : 0.9) && reviewed < world.today;
      const last = isReviewed ? reviewed : submitted;
      out.insert('weekly_reports', {
        id: world.idAt(submitted),
        user_id: rep.id,
        week,
        status: draft ? 'draft' : isReviewed ? 'reviewed' : 'submitted',
        ...fields,
        figures: draft
          ? null
          : JSON.stringify(figuresOf(rep.id, week, submitted.toISOString().slice(0, 10))),
        submitted_at: draft ? null : submitted.toISOString(),
        reviewed_at: isReviewed ? reviewed.toISOString() : null,
        reviewed_by: isReviewed ? manager : null,
        review_comment: isReviewed ? rng.pick(comments) : null,
        ...rowMeta(submitted, rep.id),
        updated_at: last.toISOString(),
        updated_by: isReviewed ? manager : rep.id,
      });
    });
  }
}
