import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingFields } from '../../../../shared/contract/visits';
import { call, callError, dbSnapshot } from '../../helpers';
import { NOW, TODAY, TZ, UNKNOWN, visitFixture, type VisitFixture } from './visits.fixture';

let f: VisitFixture;

beforeEach(async () => {
  f = await visitFixture();
});
afterEach(() => f.app.cleanup());

function fields(overrides: Partial<MeetingFields> = {}): MeetingFields {
  return {
    kind: 'weekly',
    title: '周会',
    attendeeIds: [f.alice.id, f.bob.id],
    day: '2026-11-27',
    start: '16:00',
    end: '17:00',
    timeZone: TZ,
    location: '3 楼会议室',
    ...overrides,
  };
}

describe('meetings', () => {
  it('creates, reads, updates and deletes a meeting', async () => {
    const meeting = await call(f.app, 'meetings.create', fields({ notes: '过本周拜访计划' }));
    expect(meeting).toMatchObject({
      type: 'meeting',
      kind: 'weekly',
      title: '周会',
      organizerId: f.manager.id,
      organizerName: '王经理',
      teamId: f.teamId,
      attendeeIds: [f.alice.id, f.bob.id],
      day: '2026-11-27',
      startAt: '2026-11-27T08:00:00.000Z',
      endAt: '2026-11-27T09:00:00.000Z',
      timeZone: TZ,
      location: '3 楼会议室',
      notes: '过本周拜访计划',
    });
    expect(meeting.attendees).toEqual([
      { id: f.alice.id, name: '李娜' },
      { id: f.bob.id, name: '张伟' },
    ]);
    expect(await call(f.app, 'meetings.get', { id: meeting.id })).toEqual(meeting);

    f.app.tick(60_000);
    const updated = await call(f.app, 'meetings.update', {
      id: meeting.id,
      expectedUpdatedAt: meeting.updatedAt,
      fields: fields({
        kind: 'coaching',
        title: '角色扮演：异议处理',
        attendeeIds: [f.alice.id],
        teamId: null,
      }),
    });
    expect(updated).toMatchObject({ kind: 'coaching', attendeeIds: [f.alice.id], teamId: null });

    const before = dbSnapshot(f.app);
    expect(
      await callError(f.app, 'meetings.update', {
        id: meeting.id,
        expectedUpdatedAt: meeting.updatedAt,
        fields: fields(),
      }),
    ).toMatchObject({
      code: 'conflict',
      key: 'visitErrors.meetingChangedMeanwhile',
      params: { name: '王经理', at: updated.updatedAt },
    });
    expect(dbSnapshot(f.app)).toBe(before);

    await call(f.app, 'meetings.delete', { id: meeting.id });
    expect(await callError(f.app, 'meetings.get', { id: meeting.id })).toMatchObject({
      code: 'not_found',
      key: 'visitErrors.meetingGone',
    });
    expect(await callError(f.app, 'meetings.delete', { id: meeting.id })).toMatchObject({
      key: 'visitErrors.meetingGone',
    });
  });

  it('refuses bad times, unknown or inactive attendees and an unknown team', async () => {
    await call(f.app, 'team.setUserActive', { id: f.bob.id, active: false });
    const before = dbSnapshot(f.app);
    const alone = [f.alice.id];
    expect(
      await callError(f.app, 'meetings.create', fields({ attendeeIds: alone, end: '15:00' })),
    ).toMatchObject({
      key: 'visitErrors.endBeforeStart',
      fields: { end: 'visitErrors.endBeforeStart' },
    });
    expect(
      await callError(
        f.app,
        'meetings.create',
        fields({
          attendeeIds: alone,
          day: '2027-03-14',
          start: '02:00',
          end: '03:30',
          timeZone: 'America/New_York',
        }),
      ),
    ).toMatchObject({
      key: 'visitErrors.timeSkipped',
      fields: { start: 'visitErrors.timeSkipped' },
    });
    for (const attendeeIds of [[f.alice.id, UNKNOWN], [f.bob.id]])
      expect(await callError(f.app, 'meetings.create', fields({ attendeeIds }))).toMatchObject({
        code: 'invalid_input',
        key: 'visitErrors.attendeeUnknown',
        fields: { attendeeIds: 'visitErrors.attendeeUnknown' },
      });
    expect(await callError(f.app, 'meetings.create', fields({ attendeeIds: [] }))).toMatchObject({
      code: 'invalid_input',
      fields: { attendeeIds: 'validation.required' },
    });
    expect(
      await callError(
        f.app,
        'meetings.create',
        fields({ attendeeIds: [f.alice.id], teamId: UNKNOWN }),
      ),
    ).toMatchObject({ key: 'visitErrors.teamUnknown' });
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('keeps an attendee who has since left on an edited meeting', async () => {
    const meeting = await call(f.app, 'meetings.create', fields());
    await call(f.app, 'team.setUserActive', { id: f.bob.id, active: false });
    f.app.tick(1000);
    const updated = await call(f.app, 'meetings.update', {
      id: meeting.id,
      expectedUpdatedAt: meeting.updatedAt,
      fields: fields({ title: '周会（改期）' }),
    });
    expect(updated.attendeeIds).toEqual([f.alice.id, f.bob.id]);
  });

  it('shows on the calendar of whoever organises or attends it', async () => {
    const meeting = await call(f.app, 'meetings.create', fields({ attendeeIds: [f.alice.id] }));
    const ids = async (scope: 'mine' | 'team', meetings = true) =>
      (
        await call(f.app, 'calendar.range', {
          from: '2026-11-23',
          to: '2026-11-29',
          scope,
          meetings,
          now: NOW,
        })
      ).events.map((e) => `${e.type}:${e.id}`);
    expect(await ids('mine')).toEqual([`meeting:${meeting.id}`]); // the organiser
    f.app.setCurrentUserId(f.alice.id);
    expect(await ids('mine')).toEqual([`meeting:${meeting.id}`]);
    expect(await ids('mine', false)).toEqual([]);
    f.app.setCurrentUserId(f.bob.id);
    expect(await ids('mine')).toEqual([]);
    // A rep's data scope is their own calendar (docs/data-scope.md): 'team' clamps to it.
    expect(await ids('team')).toEqual([]);
    f.app.setCurrentUserId(f.manager.id);
    expect(await ids('team')).toEqual([`meeting:${meeting.id}`]);
  });
});

describe('meetings.coaching', () => {
  it('says who had or will have a coaching session within 14 days either side of today', async () => {
    const extra = [];
    for (const name of ['王芳', '赵磊'])
      extra.push(await call(f.app, 'team.saveUser', { name, role: 'rep', teamId: f.teamId }));
    const [carol, dave] = extra as [(typeof extra)[number], (typeof extra)[number]];
    const coaching = (
      day: string,
      attendeeIds: string[],
      kind: MeetingFields['kind'] = 'coaching',
    ) =>
      call(
        f.app,
        'meetings.create',
        fields({ kind, title: '角色扮演', day, attendeeIds, start: '10:00', end: '11:00' }),
      );
    await coaching('2026-11-09', [f.alice.id]); // 14 days ago: covered
    await coaching('2026-11-08', [f.bob.id]); // 15 days ago: not
    await coaching('2026-12-07', [carol.id]); // in 14 days: covered
    await coaching('2026-12-08', [dave.id]); // in 15 days: not
    await coaching('2026-11-20', [dave.id], 'weekly'); // not coaching
    const gone = await coaching('2026-11-20', [f.bob.id]);
    await call(f.app, 'meetings.delete', { id: gone.id });

    const rows = await call(f.app, 'meetings.coaching', { scope: 'team', today: TODAY });
    expect(rows.map((r) => [r.name, r.lastSession, r.nextSession, r.covered])).toEqual([
      ['张伟', '2026-11-08', null, false],
      ['李娜', '2026-11-09', null, true],
      ['王芳', null, '2026-12-07', true],
      ['赵磊', null, '2026-12-08', false],
    ]);
    // Today counts as the last session.
    await coaching(TODAY, [f.bob.id]);
    const again = await call(f.app, 'meetings.coaching', { scope: 'team', today: TODAY });
    expect(again.find((r) => r.repId === f.bob.id)).toMatchObject({
      lastSession: TODAY,
      covered: true,
    });
    f.app.setCurrentUserId(f.alice.id);
    expect(
      (await call(f.app, 'meetings.coaching', { scope: 'mine', today: TODAY })).map((r) => r.name),
    ).toEqual(['李娜']);
  });
});
