import { addDaysTo, isoWeek } from '../../shared/domain/time';
import type { BulkInserter } from './bulk';
import { demoMeetings, shanghai, type DemoCalendar } from './meetings';
import { visitRow, type DemoVisitCustomer as Customer, type Slot, type Today } from './visit-row';
import type { DemoPart, DemoWorld } from './world';

const DAY = 86_400_000;

/**
 * Visits per rep and working day: `recent` in the last months, fading by `fade` toward four
 * years back. `total` (large) scales the whole history to exactly that many rows, the
 * issue's scale for the calendar budgets; small keeps the shape's own count.
 */
const plan = {
  small: { recent: 5, fade: 0.5, total: null },
  large: { recent: 7, fade: 0.3, total: 300_000 },
} as const;

const gradeWeight: Record<string, number> = { key: 10, potential: 4, ordinary: 1.5, ignore: 0.3 };

/** Each rep's live customers, oldest first, with their visit weights. */
function customersByRep(world: DemoWorld, out: BulkInserter): Map<string, Customer[]> {
  const openDeals = new Map(
    out
      .rows<{ customer_id: string; key: number }>(
        "SELECT customer_id, max(is_key) AS key FROM deals WHERE status = 'open' AND deleted_at IS NULL GROUP BY customer_id",
      )
      .map((r) => [r.customer_id, r.key]),
  );
  const byRep = new Map<string, Customer[]>(world.reps().map((r) => [r.id, []]));
  for (const c of out.rows<{
    id: string;
    owner_id: string;
    region: string;
    status: string;
    grade: string | null;
    created_at: string;
  }>(
    'SELECT id, owner_id, region, status, grade, created_at FROM customers WHERE deleted_at IS NULL ORDER BY created_at, id',
  )) {
    const deal = openDeals.get(c.id);
    const weight =
      (c.grade ? (gradeWeight[c.grade] ?? 1) : 1) *
      (c.status === 'lost' ? 0.3 : 1) *
      (deal === undefined ? 1 : deal ? 4 : 1.8);
    byRep.get(c.owner_id)?.push({ ...c, created: Date.parse(c.created_at), weight });
  }
  return byRep;
}

/** How many visits each rep makes each day (by index into `calendar.days`). */
function visitCounts(
  world: DemoWorld,
  calendar: DemoCalendar,
  byRep: Map<string, Customer[]>,
): Map<string, Int32Array> {
  const { recent, fade, total } = plan[world.size];
  const today = world.today.toISOString().slice(0, 10);
  const thisWeek = isoWeek(today);
  const nextWeek = isoWeek(addDaysTo(today, 7));
  const span = 4 * 365;
  const weights = new Map<string, Float64Array>();
  let sum = 0;
  for (const rep of world.reps()) {
    const customers = byRep.get(rep.id) ?? [];
    const w = new Float64Array(calendar.days.length);
    let existing = 0;
    calendar.days.forEach((day, i) => {
      const window = calendar.visitWindow(rep.id, day);
      const dayStart = shanghai(day, 0).getTime();
      while ((customers[existing]?.created ?? Infinity) < dayStart) existing += 1;
      if (!window || existing === 0) return;
      const age = Math.max(0, (world.today.getTime() - dayStart) / DAY - 90);
      // The plan thins out ahead: this week is planned, next week half, the week after barely.
      const ahead =
        day <= today ? 1 : isoWeek(day) === thisWeek ? 1 : isoWeek(day) === nextWeek ? 0.5 : 0.15;
      w[i] =
        recent *
        (1 - (fade * Math.min(age, span)) / span) *
        Math.min(1, existing / 25) *
        ((window.end - window.start) / 570) *
        ahead *
        (0.75 + world.rng.float() * 0.5);
      sum += w[i] ?? 0;
    });
    weights.set(rep.id, w);
  }
  // Cumulative rounding: every count is its share ± 1 and they add up to the total exactly.
  const target = total ?? Math.round(sum);
  const counts = new Map<string, Int32Array>();
  let acc = 0;
  let given = 0;
  for (const [repId, w] of weights) {
    const n = new Int32Array(w.length);
    w.forEach((x, i) => {
      acc += x;
      const upTo = Math.round((acc / sum) * target);
      n[i] = upTo - given;
      given = upTo;
    });
    counts.set(repId, n);
  }
  return counts;
}

/** `n` visits in the window, in order, on a 15-minute grid, with travel between them. */
function schedule(world: DemoWorld, n: number, from: number, to: number): Slot[] {
  const slots: Slot[] = [];
  let cursor = from;
  for (let i = 0; i < n; i++) {
    const budget = Math.floor((to - cursor) / (n - i) / 15) * 15;
    const durations = [30, 45, 60, 90].filter((d) => d <= budget);
    const duration = durations.length > 0 ? world.rng.pick(durations) : 30;
    const gap = world.rng.int(0, Math.max(0, Math.min(budget - duration, 120)) / 15) * 15;
    slots.push({ start: cursor + gap, end: cursor + gap + duration });
    cursor += gap + duration;
  }
  return slots;
}

/** A customer of the rep that existed that day, by weight; a second visit the same day is avoided. */
function pickCustomer(
  world: DemoWorld,
  customers: readonly Customer[],
  cumulative: Float64Array,
  existing: number,
  taken: Set<string>,
): Customer {
  let choice: Customer | undefined;
  for (let attempt = 0; attempt < 4 && (!choice || taken.has(choice.id)); attempt++) {
    const r = world.rng.float() * (cumulative[existing - 1] ?? 0);
    let lo = 0;
    let hi = existing - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    choice = customers[lo];
  }
  if (!choice) throw new Error('the demo needs customers before visits');
  taken.add(choice.id);
  return choice;
}

/**
 * Visits over four years and two weeks ahead (domain.md §5), around the meetings: each
 * rep's own customers (key grades and open deals more often), purposes by the customer's
 * status, a route per rep-day, past visits summarised (mostly done, some cancelled or
 * missed, a tenth logged without a plan, a few of last week still awaiting their summary),
 * this week planned, next week half planned; the first rep has a few overlapping visits.
 * Done visits move customers.last_contact_at through migration 0004's triggers.
 */
export const visitsPart: DemoPart = {
  name: 'visits',
  tables: ['visits', 'meetings'],
  run(world, out) {
    const calendar = demoMeetings(world, out);
    const byRep = customersByRep(world, out);
    const counts = visitCounts(world, calendar, byRep);
    const day0 = world.today.toISOString().slice(0, 10);
    const today: Today = {
      day: day0,
      weekAgo: addDaysTo(day0, -7),
      ms: world.today.getTime(),
      dayMs: Date.parse(`${day0}T00:00:00Z`),
    };
    const conflictRep = world.reps()[0]?.id;
    const reps = world.reps().map((rep) => {
      const customers = byRep.get(rep.id) ?? [];
      const cumulative = new Float64Array(customers.length);
      customers.reduce((acc, c, i) => (cumulative[i] = acc + c.weight), 0);
      return {
        rep,
        customers,
        cumulative,
        counts: counts.get(rep.id) ?? new Int32Array(0),
        // Days run newest first, so the customers that existed that day only shrink.
        existing: customers.length,
      };
    });
    // Newest day first, every rep's route that day: the indexes on day and id grow at one
    // end, and the last-contact trigger finds most customers already at their latest visit.
    for (let i = calendar.days.length - 1; i >= 0; i--) {
      const day = calendar.days[i] ?? '';
      const dayStart = shanghai(day, 0).getTime();
      const nearToday = Math.abs(daysFrom(day0, day)) <= 3;
      for (const r of reps) {
        const count = r.counts[i] ?? 0;
        const window = calendar.visitWindow(r.rep.id, day);
        if (count === 0 || !window) continue;
        while (r.existing > 0 && (r.customers[r.existing - 1]?.created ?? 0) >= dayStart)
          r.existing -= 1;
        const slots = schedule(world, count, window.start, window.end);
        // A few conflicts to warn about: around today, the first rep double-booked the last slot.
        const last = slots[slots.length - 1];
        const prev = slots[slots.length - 2];
        if (r.rep.id === conflictRep && nearToday && last && prev) {
          last.start = prev.start + 15;
          last.end = last.start + 60;
          slots.sort((a, b) => a.start - b.start);
        }
        const taken = new Set<string>();
        slots.forEach((slot, k) => {
          const customer = pickCustomer(world, r.customers, r.cumulative, r.existing, taken);
          out.insert('visits', visitRow(world, r.rep, customer, day, slot, k + 1, today));
        });
      }
    }
  },
};

function daysFrom(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;
}
