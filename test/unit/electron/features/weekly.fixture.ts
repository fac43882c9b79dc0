import type { AppContext } from '../../../../electron/core/context';
import type { User } from '../../../../shared/contract/team';
import { call, startTeam, tempApp } from '../../helpers';
import { winDeal } from './receivables.fixtures';

/** Friday 27 November 2026, 16:00 in Shanghai: week 2026-W48 runs 23–29 November. */
export const NOW = '2026-11-27T08:00:00.000Z';
export const TODAY = '2026-11-27';
export const WEEK = '2026-W48';

export type WeeklyFixture = {
  app: ReturnType<typeof tempApp>;
  manager: User;
  teamId: string;
  zhang: User;
  li: User;
  customers: { c1: string; c2: string; c3: string; c4: string };
  dealA: { dealId: string; receivableId: string };
};

type VisitSpec = {
  ownerId: string;
  customerId: string;
  day: string;
  planned?: boolean;
  status: 'planned' | 'done' | 'cancelled' | 'missed';
  effective?: boolean | null;
  goal?: string | null;
};

/** A visit row straight through `commit` (the visits feature's own rules are tested there). */
export function addVisit(ctx: AppContext, v: VisitSpec): string {
  const id = ctx.newId();
  ctx.commit([
    {
      op: 'insert',
      table: 'visits',
      id,
      values: {
        ownerId: v.ownerId,
        customerId: v.customerId,
        contactIds: '[]',
        day: v.day,
        startAt: `${v.day}T01:00:00.000Z`,
        endAt: `${v.day}T02:00:00.000Z`,
        timeZone: 'Asia/Shanghai',
        routeOrder: 0,
        purpose: 'order',
        goal: v.goal ?? null,
        planned: v.planned ?? true,
        status: v.status,
        effective: v.status === 'done' ? (v.effective ?? false) : null,
      },
    },
  ]);
  return id;
}

function addDeal(
  ctx: AppContext,
  d: {
    ownerId: string;
    customerId: string;
    status: 'open' | 'lost';
    milestone: 'M2' | 'M3';
    closedOn?: string;
  },
): string {
  const id = ctx.newId();
  ctx.commit([
    {
      op: 'insert',
      table: 'deals',
      id,
      values: {
        customerId: d.customerId,
        ownerId: d.ownerId,
        title: '设备更新项目',
        amount: 50_000,
        expectedCloseOn: '2026-12-31',
        milestone: d.milestone,
        status: d.status,
        stageEnteredAt: '2026-11-01T00:00:00.000Z',
        closedOn: d.closedOn ?? null,
      },
    },
  ]);
  return id;
}

export function addMove(
  ctx: AppContext,
  m: { dealId: string; customerId: string; from: 'M2' | 'M3'; to: 'M2' | 'M3'; at: string },
): void {
  ctx.commit([
    {
      op: 'insert',
      table: 'stage_history',
      id: ctx.newId(),
      values: {
        dealId: m.dealId,
        customerId: m.customerId,
        fromMilestone: m.from,
        fromStatus: 'open',
        toMilestone: m.to,
        toStatus: 'open',
        at: m.at,
        byUserId: null,
        forced: false,
        reason: null,
      },
    },
  ]);
}

export function addCollection(
  ctx: AppContext,
  c: { dealId: string; receivableId: string; customerId: string; amount: number; on: string },
): void {
  ctx.commit([
    {
      op: 'insert',
      table: 'collections',
      id: ctx.newId(),
      values: {
        receivableId: c.receivableId,
        dealId: c.dealId,
        customerId: c.customerId,
        amount: c.amount,
        collectedOn: c.on,
        byUserId: null,
        note: null,
        visitId: null,
      },
    },
  ]);
}

/**
 * 张三's week 48, worked out by hand in weekly.test.ts: one new customer, two deals won, one lost, two advanced (one moved back too), collections in the week and earlier
 * in the month, four planned visits (two done) and one unplanned, a plan for next week; 李四
 * has a won deal and a visit that must not count for 张三. 张三's 2026 sales target is
 * 1,200,000 split equally.
 */
export async function weeklyFixture(): Promise<WeeklyFixture> {
  const app = tempApp({ start: '2026-05-04T02:00:00.000Z' });
  const until = (iso: string) => app.tick(Date.parse(iso) - app.now().getTime());
  const { manager, teamId, reps } = await startTeam(app, ['张三', '李四']);
  const [zhang, li] = reps as [User, User];
  const customer = async (name: string, owner: User) =>
    (await call(app, 'customers.create', { name, ownerId: owner.id, status: 'customer' })).id;
  // Entered: 杭州数控 in May, 无锡电子 earlier this month, 苏州精密 and 李四's 宁波模具 this
  // week. Developed (first won deal, below): 杭州数控 in May, 无锡电子 on 20 November, 苏州精密
  // and 宁波模具 this week.
  const c2 = await customer('杭州数控设备厂', zhang);
  until('2026-11-10T02:00:00.000Z');
  const c3 = await customer('无锡电子科技', zhang);
  until('2026-11-24T02:00:00.000Z');
  const c1 = await customer('苏州精密机械有限公司', zhang);
  const c4 = await customer('宁波模具厂', li);
  until(NOW);

  await call(app, 'targets.decompose', {
    metric: 'sales',
    year: 2026,
    scope: { type: 'rep', id: zhang.id },
    total: 1_200_000,
  });

  const dealA = winDeal(app, {
    customerId: c1,
    ownerId: zhang.id,
    amount: 30_000,
    closedOn: '2026-11-24',
    path: ['M4', 'M5'],
  });
  winDeal(app, { customerId: c2, ownerId: zhang.id, amount: 9_000, closedOn: '2026-05-10' });
  winDeal(app, { customerId: c2, ownerId: zhang.id, amount: 12_000, closedOn: '2026-11-26' });
  winDeal(app, { customerId: c3, ownerId: zhang.id, amount: 5_000, closedOn: '2026-11-20' });
  winDeal(app, { customerId: c4, ownerId: li.id, amount: 70_000, closedOn: '2026-11-25' });
  addDeal(app, {
    ownerId: zhang.id,
    customerId: c2,
    status: 'lost',
    milestone: 'M2',
    closedOn: '2026-11-25',
  });
  const open = addDeal(app, { ownerId: zhang.id, customerId: c3, status: 'open', milestone: 'M3' });
  addMove(app, {
    dealId: open,
    customerId: c3,
    from: 'M2',
    to: 'M3',
    at: '2026-11-25T03:00:00.000Z',
  });
  const back = addDeal(app, { ownerId: zhang.id, customerId: c1, status: 'open', milestone: 'M2' });
  addMove(app, {
    dealId: back,
    customerId: c1,
    from: 'M3',
    to: 'M2',
    at: '2026-11-25T04:00:00.000Z',
  });
  // A move last week does not count.
  addMove(app, {
    dealId: open,
    customerId: c3,
    from: 'M2',
    to: 'M3',
    at: '2026-11-20T03:00:00.000Z',
  });

  addCollection(app, { ...dealA, customerId: c1, amount: 8_000, on: '2026-11-26' });
  addCollection(app, { ...dealA, customerId: c1, amount: 2_000, on: '2026-11-10' });

  addVisit(app, {
    ownerId: zhang.id,
    customerId: c1,
    day: '2026-11-23',
    status: 'done',
    effective: true,
  });
  addVisit(app, {
    ownerId: zhang.id,
    customerId: c2,
    day: '2026-11-24',
    status: 'done',
    effective: false,
  });
  addVisit(app, { ownerId: zhang.id, customerId: c3, day: '2026-11-25', status: 'cancelled' });
  addVisit(app, { ownerId: zhang.id, customerId: c1, day: '2026-11-28', status: 'planned' });
  addVisit(app, {
    ownerId: zhang.id,
    customerId: c2,
    day: '2026-11-26',
    planned: false,
    status: 'done',
    effective: true,
  });
  addVisit(app, {
    ownerId: zhang.id,
    customerId: c3,
    day: '2026-11-10',
    status: 'done',
    effective: true,
  });
  addVisit(app, {
    ownerId: li.id,
    customerId: c4,
    day: '2026-11-24',
    status: 'done',
    effective: true,
  });
  addVisit(app, {
    ownerId: zhang.id,
    customerId: c1,
    day: '2026-12-01',
    status: 'planned',
    goal: '签订二期合同',
  });
  addVisit(app, { ownerId: zhang.id, customerId: c2, day: '2026-11-30', status: 'planned' });

  return {
    app,
    manager,
    teamId,
    zhang,
    li,
    customers: { c1, c2, c3, c4 },
    dealA: { dealId: dealA.dealId, receivableId: dealA.receivableId },
  };
}
