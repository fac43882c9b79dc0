import { seesOwner, visibility } from '../team/visibility';
import { and, asc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type {
  CoachingRow,
  MeetingDetail,
  MeetingEvent,
  meetingFields,
} from '../../../shared/contract/visits';
import type { Scope } from '../../../shared/domain/people';
import { addDaysTo } from '../../../shared/domain/time';
import { COACHING_WINDOW_DAYS } from '../../../shared/domain/visits';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Db } from '../../db/connection';
import { meetings, teams, users } from '../../db/schema';
import { assertFresh } from '../deals/deals.guards';
import { currentUser } from '../team/current-user';
import { invalidField, resolveTimes } from './visits.guards';
import { parseIds } from './visits.repo';
import { whoConditions, type Viewer } from './visits.scope';

type MeetingInput = z.output<typeof meetingFields>;

const organizer = alias(users, 'organizer');

const eventColumns = {
  id: meetings.id,
  kind: meetings.kind,
  title: meetings.title,
  organizerId: meetings.organizerId,
  organizerName: organizer.name,
  teamId: meetings.teamId,
  attendeeIds: meetings.attendeeIds,
  day: meetings.day,
  startAt: meetings.startAt,
  endAt: meetings.endAt,
  timeZone: meetings.timeZone,
  location: meetings.location,
  updatedAt: meetings.updatedAt,
};

function select(db: Db) {
  return db
    .select({ ...eventColumns, notes: meetings.notes })
    .from(meetings)
    .leftJoin(organizer, eq(organizer.id, meetings.organizerId));
}

/**
 * Live meetings on days in [from, to] that someone among `people` organises or attends
 * (`people`: conditions on `users.id`; none means everyone).
 */
export function meetingEvents(
  db: Db,
  range: { from: string; to: string },
  people: SQL[],
): MeetingEvent[] {
  const who =
    people.length === 0
      ? undefined
      : sql`(${meetings.organizerId} IN (SELECT "users"."id" FROM "users" WHERE ${and(...people)}) OR EXISTS (SELECT 1 FROM json_each(${meetings.attendeeIds}) j WHERE j.value IN (SELECT "users"."id" FROM "users" WHERE ${and(...people)})))`;
  return select(db)
    .where(
      and(
        isNull(meetings.deletedAt),
        gte(meetings.day, range.from),
        lte(meetings.day, range.to),
        who,
      ),
    )
    .orderBy(asc(meetings.day), asc(meetings.startAt), asc(meetings.id))
    .all()
    .map(({ notes: _notes, ...row }) => ({
      type: 'meeting' as const,
      ...row,
      attendeeIds: parseIds(row.attendeeIds),
    }));
}

/** One live meeting with its attendees' names, or undefined. */
export function meetingDetail(db: Db, id: string): MeetingDetail | undefined {
  const row = select(db)
    .where(and(eq(meetings.id, id), isNull(meetings.deletedAt)))
    .get();
  if (!row) return undefined;
  const attendeeIds = parseIds(row.attendeeIds);
  const names = new Map(
    (attendeeIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, attendeeIds))
          .all()
    ).map((u) => [u.id, u.name]),
  );
  return {
    type: 'meeting',
    ...row,
    attendeeIds,
    attendees: attendeeIds.flatMap((uid) => {
      const name = names.get(uid);
      return name === undefined ? [] : [{ id: uid, name }];
    }),
  };
}

/** A live meeting's stored row, or `not_found` visitErrors.meetingGone. */
export function requireLiveMeeting(ctx: AppContext, id: string) {
  const row = ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), isNull(meetings.deletedAt)))
    .get();
  // Out of the user's scope (no organizer or attendee in it) reads as a missing meeting.
  const v = visibility(ctx);
  const people = row ? [row.organizerId, ...parseIds(row.attendeeIds)] : [];
  if (!row || !people.some((p) => p !== null && seesOwner(v, p)))
    throw new AppError('not_found', `meeting ${id} not found`, 'visitErrors.meetingGone');
  return row;
}

/**
 * Attendees are live, active users; someone already on the meeting may stay after being
 * deactivated (a past coaching session keeps the rep who left).
 */
function requireAttendees(ctx: AppContext, ids: string[], already: string[] = []): string[] {
  const wanted = [...new Set(ids)];
  const kept = new Set(already);
  const found = ctx.db
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(and(inArray(users.id, wanted), isNull(users.deletedAt)))
    .all()
    .filter((u) => u.active || kept.has(u.id));
  if (found.length !== wanted.length)
    throw invalidField(
      'visitErrors.attendeeUnknown',
      'attendeeIds',
      'an attendee is unknown or inactive',
    );
  return wanted;
}

/** The meeting's team: the one given (a live team) or null, else the organiser's. */
function resolveTeam(ctx: AppContext, asked: string | null | undefined): string | null {
  if (asked === undefined) return currentUser(ctx)?.teamId ?? null;
  if (asked === null) return null;
  const team = ctx.db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, asked), isNull(teams.deletedAt)))
    .get();
  if (!team) throw invalidField('visitErrors.teamUnknown', 'teamId', `team ${asked} not found`);
  return team.id;
}

function meetingValues(ctx: AppContext, input: MeetingInput, attendeeIds: string[]) {
  const { startAt, endAt } = resolveTimes(input);
  return {
    kind: input.kind,
    title: input.title,
    teamId: resolveTeam(ctx, input.teamId),
    attendeeIds: JSON.stringify(attendeeIds),
    day: input.day,
    startAt,
    endAt,
    timeZone: input.timeZone,
    location: input.location,
    notes: input.notes,
  };
}

/** A new meeting organised by the current user; answers its id. */
export function planMeetingCreate(
  ctx: AppContext,
  input: MeetingInput,
): { id: string; changes: Change[] } {
  const organizerId = ctx.currentUserId();
  if (!organizerId)
    throw new AppError('invalid_input', 'a meeting needs an organiser', 'errors.ownerUnknown');
  const values = meetingValues(ctx, input, requireAttendees(ctx, input.attendeeIds));
  const id = ctx.newId();
  return {
    id,
    changes: [{ op: 'insert', table: 'meetings', id, values: { ...values, organizerId } }],
  };
}

/** Edits a meeting (its organiser stays). */
export function planMeetingUpdate(
  ctx: AppContext,
  input: { id: string; expectedUpdatedAt: string; fields: MeetingInput },
): Change[] {
  const meeting = requireLiveMeeting(ctx, input.id);
  assertFresh(ctx, meeting, input.expectedUpdatedAt, 'visitErrors.meetingChangedMeanwhile');
  const attendees = requireAttendees(ctx, input.fields.attendeeIds, parseIds(meeting.attendeeIds));
  return [
    {
      op: 'update',
      table: 'meetings',
      id: meeting.id,
      values: meetingValues(ctx, input.fields, attendees),
    },
  ];
}

/**
 * Slide 43: each active rep in scope with their last coaching session on or before today
 * and the next one after it (sessions they attend), covered when one lies within 14 days
 * either side of today. One GROUP BY over the coaching sessions' attendees.
 */
export function coachingCoverage(
  db: Db,
  input: { scope: Scope; teamId?: string | undefined; today: string },
  me: Viewer,
): CoachingRow[] {
  const reps = db
    .select({ repId: users.id, name: users.name, teamId: users.teamId })
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        eq(users.active, true),
        eq(users.role, 'rep'),
        ...whoConditions(input, me, users.id),
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .all();
  if (reps.length === 0) return [];
  const sessions = new Map(
    db
      .all<{ userId: string; last: string | null; next: string | null }>(
        sql`SELECT j.value AS userId, max(CASE WHEN m.day <= ${input.today} THEN m.day END) AS last, min(CASE WHEN m.day > ${input.today} THEN m.day END) AS next FROM meetings m, json_each(m.attendee_ids) j WHERE m.kind = 'coaching' AND m.deleted_at IS NULL GROUP BY j.value`,
      )
      .map((s) => [s.userId, s]),
  );
  const since = addDaysTo(input.today, -COACHING_WINDOW_DAYS);
  const until = addDaysTo(input.today, COACHING_WINDOW_DAYS);
  return reps.map((rep) => {
    const s = sessions.get(rep.repId);
    const lastSession = s?.last ?? null;
    const nextSession = s?.next ?? null;
    return {
      ...rep,
      lastSession,
      nextSession,
      covered:
        (lastSession !== null && lastSession >= since) ||
        (nextSession !== null && nextSession <= until),
    };
  });
}
