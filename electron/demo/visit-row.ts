import type { VisitPurpose } from '../../shared/domain/visits';
import { DEMO_ZONE } from './meetings';
import * as texts from './visit-texts';
import type { DemoUser, DemoWorld } from './world';

const MIN = 60_000;
const DAY = 86_400_000;

/** A visit's planned time: local minutes after midnight. */
export type Slot = { start: number; end: number };

/** A customer as the visits part picks it. */
export type DemoVisitCustomer = {
  id: string;
  region: string;
  status: string;
  grade: string | null;
  created: number;
  /** Relative visit frequency: key customers and open deals get visited more. */
  weight: number;
};

/** What a visit is for, by the customer's status: develop prospects, serve customers. */
const purposes: Record<string, readonly (readonly [VisitPurpose, number])[]> = {
  prospect: [
    ['develop', 45],
    ['info', 35],
    ['problem', 8],
    ['other', 7],
    ['order', 5],
  ],
  customer: [
    ['service', 30],
    ['order', 22],
    ['collect', 15],
    ['problem', 13],
    ['info', 12],
    ['other', 8],
  ],
  lost: [
    ['develop', 40],
    ['info', 40],
    ['service', 10],
    ['other', 10],
  ],
};

const maybe = (world: DemoWorld, p: number, list: readonly string[]) =>
  world.rng.chance(p) ? world.rng.pick(list) : null;

/** 1万–80万 yuan, log-uniform, in whole hundreds of yuan (fen). */
function orderFen(world: DemoWorld): number {
  const yuan = Math.exp(Math.log(10_000) + world.rng.float() * Math.log(80));
  return Math.round(yuan / 100) * 100 * 100;
}

/** What every visit of a run shares: today, and where "last week" starts (for summaries still due). */
export type Today = { day: string; weekAgo: string; ms: number; dayMs: number };

/** Shanghai wall-clock minutes on the day that starts (UTC midnight) at `dayMs`, as epoch ms. */
const at = (dayMs: number, minutes: number) => dayMs + (minutes - 8 * 60) * MIN;

/**
 * One visit row: the plan, and for a past visit what became of it and its summary. Plain
 * epoch arithmetic instead of date helpers: this runs 300,000 times for the large demo.
 */
export function visitRow(
  world: DemoWorld,
  rep: DemoUser,
  customer: DemoVisitCustomer,
  day: string,
  slot: Slot,
  routeOrder: number,
  today: Today,
) {
  const { rng } = world;
  const dayMs = Date.parse(`${day}T00:00:00Z`);
  const purpose = rng.weighted(purposes[customer.status] ?? purposes.prospect ?? []);
  const past = day < today.day;
  const planned = !past || !rng.chance(0.1);
  let status: 'planned' | 'done' | 'cancelled' | 'missed' = 'planned';
  if (!planned) status = 'done';
  else if (past && !(day >= today.weekAgo && rng.chance(0.08))) status = rng.weighted(outcomes);
  const startMs = at(dayMs, slot.start);
  const endMs = at(dayMs, slot.end);
  const done = status === 'done';
  const effective = done ? rng.chance(0.7) : null;
  // Planned visits start a little early or late; one logged without a plan is stored at the time it took.
  const actualStart = !done ? null : planned ? startMs + rng.int(-2, 4) * 5 * MIN : startMs;
  const actualEnd =
    actualStart === null
      ? null
      : planned
        ? Math.max(actualStart + 20 * MIN, endMs + rng.int(-3, 6) * 5 * MIN)
        : endMs;
  // Written up that evening, or first thing the next morning.
  const summarized =
    status === 'planned'
      ? null
      : Math.min(
          today.ms - MIN,
          rng.chance(0.7)
            ? at(dayMs, rng.int(18 * 60 + 30, 21 * 60 + 30))
            : at(dayMs + DAY, rng.int(8 * 60, 9 * 60)),
        );
  // A plan is made a few evenings before (never before the customer); a logged visit when it is written up.
  const planMs = past
    ? at(dayMs - rng.int(1, 7) * DAY, 17 * 60 + rng.int(0, 59))
    : at(today.dayMs - rng.int(0, 5) * DAY, 17 * 60 + rng.int(0, 59));
  const created =
    !planned && summarized !== null
      ? summarized
      : Math.min(Math.max(planMs, customer.created), startMs - MIN, today.ms - 2 * MIN);
  const contacts = world.contactIds.get(customer.id) ?? [];
  const met = rng.weighted(contactsMet);
  let outcome: string | null = null;
  if (done)
    outcome = rng.chance(0.85)
      ? effective
        ? rng.pick(texts.effectiveOutcomes[purpose])
        : rng.pick(texts.ineffectiveOutcomes)
      : null;
  else if (status === 'cancelled') outcome = maybe(world, 0.8, texts.cancelledReasons);
  else if (status === 'missed') outcome = maybe(world, 0.5, texts.missedReasons);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const createdAt = new Date(created).toISOString();
  return {
    id: world.idAt(new Date(created)),
    owner_id: rep.id,
    customer_id: customer.id,
    contact_ids: met === 0 ? '[]' : JSON.stringify(contacts.slice(0, met)),
    day,
    start_at: new Date(startMs).toISOString(),
    end_at: new Date(endMs).toISOString(),
    time_zone: DEMO_ZONE,
    route_order: routeOrder,
    area: customer.region,
    purpose,
    goal: planned ? maybe(world, 0.7, texts.visitGoals[purpose]) : null,
    planned: planned ? 1 : 0,
    status,
    actual_start_at: iso(actualStart),
    actual_end_at: iso(actualEnd),
    outcome,
    problems_handled:
      done && (purpose === 'problem' || purpose === 'service')
        ? maybe(world, 0.6, texts.problemsHandled)
        : null,
    order_amount:
      done && effective && purpose === 'order' && rng.chance(0.65) ? orderFen(world) : null,
    // Collections are booked by their own part against receivables; the demo's visits carry none.
    collection_amount: null,
    competitor_info: done ? maybe(world, 0.15, texts.competitorInfo) : null,
    customer_feedback: done ? maybe(world, 0.3, texts.customerFeedback) : null,
    customer_news: done ? maybe(world, 0.15, texts.customerNews) : null,
    learnings: done ? maybe(world, 0.15, texts.learnings) : null,
    effective: effective === null ? null : effective ? 1 : 0,
    next_action: done ? maybe(world, 0.4, texts.nextActions) : null,
    summarized_at: iso(summarized),
    summarized_by: summarized === null ? null : rep.id,
    created_at: createdAt,
    updated_at: summarized === null ? createdAt : iso(summarized),
    deleted_at: null,
    updated_by: rep.id,
  };
}

const outcomes = [
  ['done', 78],
  ['cancelled', 13],
  ['missed', 9],
] as const;
const contactsMet = [
  [1, 70],
  [2, 15],
  [0, 15],
] as const;
