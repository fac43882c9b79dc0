import type { AppContext } from '../../../../electron/core/context';
import type { Input } from '../../../../shared/contract';
import type { DealDetail } from '../../../../shared/contract/deals';
import type { User } from '../../../../shared/contract/team';
import { exitCriteria, milestones, type Milestone } from '../../../../shared/domain/milestones';
import { call, startTeam, tempApp } from '../../helpers';

export const TODAY = '2026-11-23';
export const DAY = 86_400_000;
export const UNKNOWN = '01900000-0000-7000-8000-000000000000';

export type Fixture = {
  app: ReturnType<typeof tempApp>;
  manager: User;
  teamId: string;
  alice: User;
  bob: User;
  customerId: string;
  contactIds: string[];
  otherCustomerId: string;
  otherContactId: string;
};

/**
 * A team (王经理 + reps 李娜, 张伟), two customers with contacts: 李娜's (in `region` when
 * given) and 张伟's. The visits' fixture is this one too.
 */
export async function fixture(options: { region?: string } = {}): Promise<Fixture> {
  const app = tempApp();
  const { manager, teamId, reps } = await startTeam(app, ['李娜', '张伟']);
  const [alice, bob] = reps as [User, User];
  const customer = await call(app, 'customers.create', {
    name: '苏州精密机械有限公司',
    ownerId: alice.id,
    status: 'customer',
    ...(options.region === undefined ? {} : { region: options.region }),
  });
  const contactIds: string[] = [];
  for (const [name, title] of [
    ['陈工', '设备科长'],
    ['刘总', '总经理'],
  ] as const) {
    const c = await call(app, 'contacts.create', {
      customerId: customer.id,
      fields: { name, title, buyingRole: null },
    });
    contactIds.push(c.id);
  }
  const other = await call(app, 'customers.create', {
    name: '杭州数控设备厂',
    ownerId: bob.id,
    status: 'customer',
  });
  const otherContact = await call(app, 'contacts.create', {
    customerId: other.id,
    fields: { name: '赵主任', buyingRole: null },
  });
  app.tick(1000);
  return {
    app,
    manager,
    teamId,
    alice,
    bob,
    customerId: customer.id,
    contactIds,
    otherCustomerId: other.id,
    otherContactId: otherContact.id,
  };
}

/** Acts as another user from now on. */
export async function actAs(app: AppContext, user: User): Promise<void> {
  app.setCurrentUserId(user.id); // the device's remembered user
}

export async function createDeal(
  f: Fixture,
  overrides: Partial<Input<'deals.create'>> = {},
): Promise<DealDetail> {
  const deal = await call(f.app, 'deals.create', {
    customerId: f.customerId,
    title: '2026年产线自动化改造项目',
    amount: 1_000_000_00,
    expectedCloseOn: '2027-03-31',
    today: TODAY,
    ...overrides,
  });
  f.app.tick(1000);
  return deal;
}

/** Ticks every exit criterion of the given milestones. */
export async function tickAll(
  f: Fixture,
  deal: DealDetail,
  through: Milestone[],
): Promise<DealDetail> {
  let current = deal;
  for (const m of through)
    for (const criterion of exitCriteria[m]) {
      current = await call(f.app, 'deals.check', {
        dealId: deal.id,
        criterion,
        checked: true,
        expectedMilestone: current.milestone,
        today: TODAY,
      });
      f.app.tick(10);
    }
  return current;
}

/** Moves a deal with its current `updatedAt`. */
export async function move(
  f: Fixture,
  deal: DealDetail,
  to: Input<'deals.move'>['to'],
  extra: Partial<Input<'deals.move'>> = {},
): Promise<DealDetail> {
  const moved = await call(f.app, 'deals.move', {
    id: deal.id,
    expectedUpdatedAt: deal.updatedAt,
    to,
    today: TODAY,
    ...extra,
  });
  f.app.tick(1000);
  return moved;
}

/** Walks a deal forward to `target`, ticking every criterion on the way. */
export async function advanceTo(
  f: Fixture,
  deal: DealDetail,
  target: Milestone,
): Promise<DealDetail> {
  let current = deal;
  for (const m of milestones.slice(
    milestones.indexOf(deal.milestone),
    milestones.indexOf(target),
  )) {
    current = await tickAll(f, current, [m]);
    const next = milestones[milestones.indexOf(m) + 1] as Milestone;
    current = await move(f, current, next);
  }
  return current;
}
