import { expect } from 'vitest';
import type { Input } from '../../../../shared/contract';
import { reportOutput, type ReportName, type ReportOf } from '../../../../shared/contract/reports';
import { call, tempApp } from '../../helpers';

/**
 * Hand-made report data (issue 7): rows written straight into a migrated file with fixed
 * dates, the way the demo's bulk load writes them (the triggers still keep the caches).
 *
 * The people: teams 华东一部 (T1) and 华南部 (T2); manager 王经理 and rep 李娜 (A) in T1; rep
 * 张伟 (B) in T1 until 2026-11-01 and in T2 from then on (team_memberships); rep 赵敏 (C) in T2.
 * Today is Monday 2026-11-23.
 */
export const TODAY = '2026-11-23';
export const NOW = '2026-11-23T09:00:00.000Z';

const idOf = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const T1 = idOf(1);
export const T2 = idOf(2);
export const M = idOf(10);
export const A = idOf(11);
export const B = idOf(12);
export const C = idOf(13);

type Row = Record<string, string | number | null>;

export type World = {
  app: ReturnType<typeof tempApp>;
  /** A fresh id (deterministic). */
  id: () => string;
  insert: (table: string, row: Row) => string;
  customer: (row: { owner: string | null; name?: string } & Row) => string;
  deal: (row: DealRow) => string;
  /** The deal's milestone path: [milestone or 'lost'/'won', ISO instant] from creation on. */
  path: (dealId: string, steps: [string, string][]) => void;
  visit: (row: { owner: string; customer: string; day: string } & Row) => string;
  activity: (row: { user: string; customer: string; at: string } & Row) => string;
  score: (dealId: string, at: string, total: number) => void;
  target: (
    metric: string,
    scope: 'company' | 'team' | 'rep',
    id: string | null,
    key: string,
    value: number,
  ) => void;
  run: <N extends ReportName>(
    report: N,
    period: Input<'reports.run'>['period'],
    scope?: Input<'reports.run'>['scope'],
  ) => Promise<ReportOf<N>>;
  cleanup: () => void;
};

type DealRow = {
  owner: string;
  customer: string;
  amount: number;
  milestone?: string;
  status?: 'open' | 'won' | 'lost';
  createdAt?: string;
  closedOn?: string | null;
  expectedCloseOn?: string;
  stageEnteredAt?: string;
} & Row;

const stamp = '2026-01-01T00:00:00.000Z';

/** A migrated temp file holding the teams and people above. */
export function reportsWorld(): World {
  const app = tempApp({ start: NOW });
  let n = 1000;
  const id = () => idOf(n++);
  const insert = (table: string, row: Row): string => {
    const full: Row = { id: id(), created_at: stamp, updated_at: stamp, ...row };
    const keys = Object.keys(full);
    app.sqlite
      .prepare(
        `INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
      )
      .run(...keys.map((k) => full[k]));
    return full.id as string;
  };
  insert('teams', { id: T1, name: '华东一部', manager_id: M });
  insert('teams', { id: T2, name: '华南部', manager_id: null });
  insert('users', { id: M, name: '王经理', role: 'manager', team_id: T1, active: 1 });
  insert('users', { id: A, name: '李娜', role: 'rep', team_id: T1, active: 1 });
  insert('users', { id: B, name: '张伟', role: 'rep', team_id: T2, active: 1 });
  insert('users', { id: C, name: '赵敏', role: 'rep', team_id: T2, active: 1 });
  insert('team_memberships', {
    user_id: B,
    team_id: T1,
    from_day: '2000-01-01',
    to_day: '2026-11-01',
  });
  insert('team_memberships', { user_id: B, team_id: T2, from_day: '2026-11-01', to_day: null });
  app.setCurrentUserId(M);

  let customers = 0;
  const world: World = {
    app,
    id,
    insert,
    customer: ({ owner, name, ...rest }) => {
      customers += 1;
      const label = name ?? `客户${customers}`;
      return insert('customers', {
        name: label,
        name_key: label,
        status: 'customer',
        owner_id: owner,
        ...rest,
      });
    },
    deal: ({
      owner,
      customer,
      amount,
      milestone,
      status,
      createdAt,
      closedOn,
      expectedCloseOn,
      stageEnteredAt,
      ...rest
    }) => {
      const s = status ?? 'open';
      const created = createdAt ?? stamp;
      return insert('deals', {
        customer_id: customer,
        owner_id: owner,
        title: `机会${n}`,
        amount,
        milestone: milestone ?? (s === 'won' ? 'M6' : 'M1'),
        status: s,
        stage_entered_at: stageEnteredAt ?? created,
        expected_close_on: expectedCloseOn ?? closedOn ?? '2026-12-31',
        closed_on: closedOn ?? null,
        created_at: created,
        updated_at: created,
        ...rest,
      });
    },
    path: (dealId, steps) => {
      const deal = app.sqlite.prepare('SELECT customer_id FROM deals WHERE id = ?').get(dealId) as {
        customer_id: string;
      };
      let from: { milestone: string; status: string } | null = null;
      for (const [to, at] of steps) {
        const next: { milestone: string; status: string } =
          to === 'lost'
            ? { milestone: from?.milestone ?? 'M1', status: 'lost' }
            : { milestone: to, status: to === 'M6' ? 'won' : 'open' };
        insert('stage_history', {
          deal_id: dealId,
          customer_id: deal.customer_id,
          from_milestone: from?.milestone ?? null,
          from_status: from?.status ?? null,
          to_milestone: next.milestone,
          to_status: next.status,
          at,
          created_at: at,
          updated_at: at,
        });
        from = next;
      }
    },
    visit: ({ owner, customer, day, ...rest }) =>
      insert('visits', {
        owner_id: owner,
        customer_id: customer,
        day,
        start_at: `${day}T02:00:00.000Z`,
        end_at: `${day}T03:00:00.000Z`,
        time_zone: 'Asia/Shanghai',
        purpose: 'info',
        planned: 1,
        status: 'done',
        effective: null,
        ...rest,
      }),
    activity: ({ user, customer, at, ...rest }) =>
      insert('activities', {
        user_id: user,
        customer_id: customer,
        at,
        kind: 'call',
        category: 'development',
        body: '电话沟通',
        ...rest,
      }),
    score: (dealId, at, total) => {
      insert('deal_scores', {
        deal_id: dealId,
        scored_at: at,
        problem_level: 'x',
        problem_with: 'contact',
        power_level: 'x',
        vision_level: 'x',
        vision_with: 'contact',
        value_level: 'x',
        value_with: 'contact',
        control_level: 'x',
        problem_points: total,
        power_points: 0,
        vision_points: 0,
        value_points: 0,
        control_points: 0,
        total_points: total,
        created_at: at,
        updated_at: at,
      });
    },
    target: (metric, scope, scopeId, key, value) => {
      insert('targets', {
        metric,
        scope_type: scope,
        scope_id: scopeId,
        year: Number(key.slice(0, 4)),
        period_key: key,
        value,
      });
    },
    run: async (report, period, scope = { type: 'company' }) => {
      const out = await call(app, 'reports.run', { report, period, scope, today: TODAY });
      // Every answer must match the contract's output schema, and hold no NaN or Infinity.
      reportOutput.parse(out);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      return out as ReportOf<typeof report>;
    },
    cleanup: () => app.cleanup(),
  };
  return world;
}

/** The row of a team or rep by id. */
export function rowOf<R extends { id: string }>(rows: readonly R[], id: string): R {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id} in ${JSON.stringify(rows.map((r) => r.id))}`);
  return row;
}
