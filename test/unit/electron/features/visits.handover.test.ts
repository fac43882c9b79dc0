import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers';
import { TODAY, planVisit, visitFixture, visitRow, type VisitFixture } from './visits.fixture';

let f: VisitFixture;

beforeEach(async () => {
  f = await visitFixture();
});
afterEach(() => f.app.cleanup());

describe('handover of visits', () => {
  it('moves the leaving rep’s planned visits from today on; past and summarised ones stay', async () => {
    const past = await planVisit(f, { day: '2026-11-20' });
    await call(f.app, 'visits.summarize', {
      id: past.id,
      expectedUpdatedAt: past.updatedAt,
      summary: { status: 'done', effective: true },
      today: TODAY,
    });
    const pastUnsummarised = await planVisit(f, { day: '2026-11-21' });
    const today = await planVisit(f, { day: TODAY, start: '18:00', end: '19:00' });
    const future = await planVisit(f, { day: '2026-11-25' });
    const second = await planVisit(f, { day: '2026-11-25', start: '11:00', end: '12:00' });
    await call(f.app, 'visits.reorder', {
      ownerId: f.alice.id,
      day: '2026-11-25',
      ids: [second.id, future.id],
    });
    const cancelled = await planVisit(f, { day: '2026-11-26' });
    await call(f.app, 'visits.summarize', {
      id: cancelled.id,
      expectedUpdatedAt: cancelled.updatedAt,
      summary: { status: 'cancelled' },
      today: TODAY,
    });
    const deleted = await planVisit(f, { day: '2026-11-27' });
    await call(f.app, 'visits.delete', { id: deleted.id });

    const preview = await call(f.app, 'handover.preview', { fromUserId: f.alice.id, today: TODAY });
    expect(preview.parts).toContainEqual({ part: 'futureVisits', count: 3 });

    const result = await call(f.app, 'handover.execute', {
      fromUserId: f.alice.id,
      defaultToUserId: f.bob.id,
      today: TODAY,
    });
    expect(result.parts).toContainEqual({ part: 'futureVisits', count: 3 });
    const owner = (id: string) => visitRow(f.app, id).owner_id;
    for (const moved of [today, future, second]) expect(owner(moved.id)).toBe(f.bob.id);
    for (const kept of [past, pastUnsummarised, cancelled, deleted])
      expect(owner(kept.id)).toBe(f.alice.id);
    // They join the end of the receiver's route.
    expect(visitRow(f.app, second.id).route_order).toBe(0);
    const route = await call(f.app, 'visits.route', {
      ownerId: f.bob.id,
      day: '2026-11-25',
      now: '2026-11-23T09:00:00.000Z',
    });
    expect(route.map((v) => v.id)).toEqual([future.id, second.id]);
  });
});
