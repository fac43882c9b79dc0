import { handoverNote, type HandoverPartName } from '../../../shared/domain/handover';
import type { Change } from '../../core/commit';
import type { Db } from '../../db/connection';
import {
  countCustomers,
  countFutureVisits,
  countOpenDeals,
  countOpenFollowUps,
  futureVisitsToMove,
  openDealsToMove,
  openFollowUpsToMove,
} from './handover.repo';

/**
 * Everything a part needs to move its rows, decided once before the commit (so every part
 * agrees on who receives which customer). Built by `planHandover`.
 */
export type HandoverPlan = {
  from: { id: string; name: string };
  /** The manager doing the handover: the timeline entries are theirs. */
  actorId: string | null;
  /** The user's today (YYYY-MM-DD), for parts that move only future rows. */
  today: string;
  /** The instant stamped on the timeline entries (ISO UTC). */
  at: string;
  /** Receiver of each live customer the leaving rep owns, by customer id. */
  customerReceivers: ReadonlyMap<string, string>;
  /** Receiver of a row about a customer: that customer's receiver if it moves, else the default colleague. */
  receiverFor: (customerId: string | null) => string;
  /** Receivers' names, for the timeline text. */
  names: ReadonlyMap<string, string>;
  newId: () => string;
};

/**
 * One kind of thing a leaving rep owns. `count` feeds the preview (and the result), and
 * `changes` moves exactly the rows `count` counts; closed or past rows are not the part's.
 */
export type HandoverPart = {
  name: HandoverPartName;
  count: (db: Db, fromUserId: string, today: string) => number;
  changes: (db: Db, plan: HandoverPlan) => Change[];
};

/** Customers change owner, and each gets a 'handover' entry on its timeline. */
export const customersPart: HandoverPart = {
  name: 'customers',
  count: (db, fromUserId) => countCustomers(db, fromUserId),
  changes: (_db, plan) =>
    [...plan.customerReceivers].flatMap(([customerId, toUserId]): Change[] => [
      { op: 'update', table: 'customers', id: customerId, values: { ownerId: toUserId } },
      {
        op: 'insert',
        table: 'activities',
        id: plan.newId(),
        values: {
          customerId,
          userId: plan.actorId,
          kind: 'handover',
          category: null,
          at: plan.at,
          body: handoverNote(plan.from.name, plan.names.get(toUserId) ?? toUserId),
        },
      },
    ]),
};

/** Open follow-ups go with their customer; done ones stay with the rep who did them. */
export const followUpsPart: HandoverPart = {
  name: 'followUps',
  count: (db, fromUserId) => countOpenFollowUps(db, fromUserId),
  changes: (db, plan) =>
    openFollowUpsToMove(db, plan.from.id).map((f): Change => ({
      op: 'update',
      table: 'follow_ups',
      id: f.id,
      values: { ownerId: plan.receiverFor(f.customerId) },
    })),
};

/** Open deals go with their customer; won and lost deals stay credited to the rep who closed them. */
export const dealsPart: HandoverPart = {
  name: 'openDeals',
  count: (db, fromUserId) => countOpenDeals(db, fromUserId),
  changes: (db, plan) =>
    openDealsToMove(db, plan.from.id).map((d): Change => ({
      op: 'update',
      table: 'deals',
      id: d.id,
      values: { ownerId: plan.receiverFor(d.customerId) },
    })),
};

/**
 * Planned visits from the user's today on go with their customer, to the end of the
 * receiver's route that day (route order 0); past and summarised visits stay credited to
 * the leaving rep. An overlap with the receiver's own visits is not refused: the team
 * calendar flags it for them to re-plan.
 */
export const futureVisitsPart: HandoverPart = {
  name: 'futureVisits',
  count: (db, fromUserId, today) => countFutureVisits(db, fromUserId, today),
  changes: (db, plan) =>
    futureVisitsToMove(db, plan.from.id, plan.today).map((v): Change => ({
      op: 'update',
      table: 'visits',
      id: v.id,
      values: { ownerId: plan.receiverFor(v.customerId), routeOrder: 0 },
    })),
};

/** The parts of a handover, in `handoverPartNames` order. */
export const handoverParts: readonly HandoverPart[] = [
  customersPart,
  dealsPart,
  followUpsPart,
  futureVisitsPart,
];
