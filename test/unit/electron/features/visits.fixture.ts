import type { AppContext } from '../../../../electron/core/context';
import type { Input } from '../../../../shared/contract';
import type { VisitDetail, VisitPlanFields } from '../../../../shared/contract/visits';
import { call } from '../../helpers';
import { fixture, type Fixture } from './deals.fixture';

/** The fixed clock starts Monday 2026-11-23 09:00 UTC: 17:00 in Shanghai. */
export const NOW = '2026-11-23T09:00:00.000Z';
export const TODAY = '2026-11-23';
export const TZ = 'Asia/Shanghai';
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const UNKNOWN = '01900000-0000-7000-8000-000000000000';

/** The deals' fixture: the same team, customers and contacts. */
export type VisitFixture = Fixture;

/**
 * A team (王经理 + reps 李娜, 张伟), a customer of each rep, with contacts; 李娜's is in 苏州. The
 * deals' fixture's clock starts at NOW too.
 */
export function visitFixture(): Promise<VisitFixture> {
  return fixture({ region: '苏州' });
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
