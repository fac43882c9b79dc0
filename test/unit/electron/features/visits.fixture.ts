import type { AppContext } from '../../../../electron/core/context';
import type { Input } from '../../../../shared/contract';
import type { User } from '../../../../shared/contract/team';
import type { VisitDetail, VisitPlanFields } from '../../../../shared/contract/visits';
import { call, startTeam, tempApp } from '../../helpers';

/** The fixed clock starts Monday 2026-11-23 09:00 UTC: 17:00 in Shanghai. */
export const NOW = '2026-11-23T09:00:00.000Z';
export const TODAY = '2026-11-23';
export const TZ = 'Asia/Shanghai';
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const UNKNOWN = '01900000-0000-7000-8000-000000000000';

export type VisitFixture = {
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

/** A team (王经理 + reps 李娜, 张伟), a customer of each rep, with contacts. */
export async function visitFixture(): Promise<VisitFixture> {
  const app = tempApp({ start: NOW });
  const { manager, teamId, reps } = await startTeam(app, ['李娜', '张伟']);
  const [alice, bob] = reps as [User, User];
  const customer = await call(app, 'customers.create', {
    name: '苏州精密机械有限公司',
    ownerId: alice.id,
    status: 'customer',
    region: '苏州',
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

/** A plan for李娜's customer on Wednesday 09:00–10:00 Shanghai time, with overrides. */
export function planOf(f: VisitFixture, overrides: Partial<VisitPlanFields> = {}): VisitPlanFields {
  return {
    customerId: f.customerId,
    ownerId: f.alice.id,
    day: '2026-11-25',
    start: '09:00',
    end: '10:00',
    timeZone: TZ,
    purpose: 'info',
    ...overrides,
  };
}

/** Plans a visit through the contract. */
export function planVisit(
  f: VisitFixture,
  overrides: Partial<Input<'visits.create'>> = {},
): Promise<VisitDetail> {
  return call(f.app, 'visits.create', { ...planOf(f), ...overrides });
}

/** The stored row of a visit, in SQL column names. */
export function visitRow(ctx: AppContext, id: string): Record<string, unknown> {
  return ctx.sqlite.prepare('SELECT * FROM visits WHERE id = ?').get(id) as Record<string, unknown>;
}

/** A customer's cached last contact instant. */
export function lastContactAt(ctx: AppContext, customerId: string): string | null {
  return (
    ctx.sqlite
      .prepare('SELECT last_contact_at AS at FROM customers WHERE id = ?')
      .get(customerId) as {
      at: string | null;
    }
  ).at;
}
