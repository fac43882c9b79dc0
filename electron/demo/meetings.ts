import { addDaysTo, isoWeekday } from '../../shared/domain/time';
import type { BulkInserter } from './bulk';
import { rowMeta, type DemoUser, type DemoWorld } from './world';

/*
 * The demo's calendar, in Asia/Shanghai (UTC+8 all year: China has kept no DST since 1991,
 * so local wall times convert by a fixed offset here; the app itself converts with Intl):
 * - weekly meeting 周例会 every Monday 09:00–10:00 per team; on the first Monday of a month
 *   the monthly meeting (月度会议) follows 10:00–12:00, or, in January/April/July/October,
 *   the quarterly one (季度会议, the whole sales centre when there is one);
 * - the annual meeting (年度会议) on the second Monday of January, all day, everyone;
 * - morning meetings (晨会) 08:00–08:20 on some days;
 * - a role-play coaching session (角色扮演) 17:00–18:00 with each rep every 10–20 days,
 *   except a couple of reps with none within two weeks of today (slide 43's gap to show).
 * Visits fit around these: see `visitWindow`.
 */

export const DEMO_ZONE = 'Asia/Shanghai';
const OFFSET_MIN = 8 * 60;
const MIN = 60_000;
const DAY = 86_400_000;

/** The UTC instant of a Shanghai wall-clock time, in minutes after local midnight. */
export function shanghai(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (minutes - OFFSET_MIN) * MIN);
}

/** `HH:mm` as minutes after midnight. */
const hm = (h: number, m = 0) => h * 60 + m;

type DayKind = { weekday: number; firstMonday: boolean; quarterly: boolean; annual: boolean };

function dayKind(day: string): DayKind {
  const weekday = isoWeekday(day);
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  return {
    weekday,
    firstMonday: weekday === 1 && date <= 7,
    quarterly: weekday === 1 && date <= 7 && month % 3 === 1,
    annual: weekday === 1 && month === 1 && date >= 8 && date <= 14,
  };
}

/** Local minutes a rep can spend on visits that day, or null (weekend, annual meeting). */
export type VisitWindow = { start: number; end: number } | null;

export type DemoCalendar = {
  /** Every day the demo covers, oldest first: four years back to two weeks ahead. */
  days: readonly string[];
  visitWindow: (repId: string, day: string) => VisitWindow;
};

type Team = { id: string; manager: DemoUser; reps: DemoUser[] };

function teamsOf(world: DemoWorld): Team[] {
  const reps = world.reps();
  return world.users
    .filter((u) => u.role === 'manager')
    .map((manager) => ({
      id: manager.teamId,
      manager,
      reps: reps.filter((r) => r.teamId === manager.teamId),
    }));
}

const coachingNotes = [
  '演练电话预约决策人',
  '演练价格异议处理',
  '演练需求挖掘：问题—原因—愿景—价值',
  '演练首次拜访开场',
  '复盘上周丢单，演练竞品应对',
];
const monthlyNotes = ['回顾上月目标达成，布置本月重点客户', '分析漏斗，清理停滞商机', null];

/**
 * Writes the meetings and coaching sessions from four years back to two weeks ahead and
 * returns the calendar the visits are planned around.
 */
export function demoMeetings(world: DemoWorld, out: BulkInserter): DemoCalendar {
  const today = world.today.toISOString().slice(0, 10);
  const first = addDaysTo(world.start.toISOString().slice(0, 10), 1);
  const last = addDaysTo(today, 14);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDaysTo(d, 1)) days.push(d);

  const insert = (m: {
    kind: 'morning' | 'weekly' | 'monthly' | 'quarterly' | 'annual' | 'coaching';
    title: string;
    organizer: DemoUser;
    teamId: string;
    attendees: readonly DemoUser[];
    day: string;
    start: number;
    end: number;
    location: string | null;
    notes?: string | null;
  }) => {
    const startAt = shanghai(m.day, m.start);
    // Planned a week ahead (never after today, never before the demo's first day).
    const created = new Date(
      Math.max(
        world.start.getTime(),
        Math.min(startAt.getTime() - 7 * DAY, world.today.getTime() - 3_600_000),
      ),
    );
    out.insert('meetings', {
      id: world.idAt(created),
      kind: m.kind,
      title: m.title,
      organizer_id: m.organizer.id,
      team_id: m.teamId,
      attendee_ids: JSON.stringify(m.attendees.map((a) => a.id)),
      day: m.day,
      start_at: startAt.toISOString(),
      end_at: shanghai(m.day, m.end).toISOString(),
      time_zone: DEMO_ZONE,
      location: m.location,
      notes: m.notes ?? null,
      ...rowMeta(created, m.organizer.id),
    });
  };

  const teams = teamsOf(world);
  const director = world.users.find((u) => u.role === 'admin');
  const everyone = world.users.filter((u) => u.role !== 'admin' || u === director);
  // The whole centre's meetings are the director's when there is one, else the team's.
  const centre = director
    ? [{ organizer: director, teamId: director.teamId, attendees: everyone }]
    : teams.map((t) => ({ organizer: t.manager, teamId: t.id, attendees: [t.manager, ...t.reps] }));

  for (const day of days) {
    const kind = dayKind(day);
    const year = day.slice(0, 4);
    if (kind.annual) {
      for (const c of centre)
        insert({
          ...c,
          kind: 'annual',
          title: `${year}年度销售大会`,
          day,
          start: hm(9),
          end: hm(17),
          location: '总部大会议室',
          notes: '发布年度目标与激励方案，表彰上年优秀销售',
        });
      continue;
    }
    if (kind.quarterly) {
      const quarter = Math.ceil(Number(day.slice(5, 7)) / 3);
      for (const c of centre)
        insert({
          ...c,
          kind: 'quarterly',
          title: `${year}年第${quarter}季度经营分析会`,
          day,
          start: hm(10),
          end: hm(12),
          location: '总部大会议室',
        });
    }
    for (const team of teams) {
      const members = [team.manager, ...team.reps];
      const base = { organizer: team.manager, teamId: team.id, attendees: members, day };
      if (kind.weekday === 1) {
        insert({
          ...base,
          kind: 'weekly',
          title: '周例会',
          start: hm(9),
          end: hm(10),
          location: '公司三楼会议室',
        });
        if (kind.firstMonday && !kind.quarterly)
          insert({
            ...base,
            kind: 'monthly',
            title: `${Number(day.slice(5, 7))}月销售例会`,
            start: hm(10),
            end: hm(12),
            location: '公司三楼会议室',
            notes: world.rng.pick(monthlyNotes),
          });
      } else if (kind.weekday <= 5 && world.rng.chance(0.25)) {
        insert({
          ...base,
          kind: 'morning',
          title: '晨会',
          start: hm(8),
          end: hm(8, 20),
          location: null,
        });
      }
    }
  }

  // Coaching: every 10–20 days on a working day; the uncovered reps stopped a while ago.
  const coaching = new Map<string, Set<string>>();
  const reps = teams.flatMap((t) => t.reps.map((rep) => ({ rep, team: t })));
  const uncovered = new Set(
    reps.slice(-Math.max(1, Math.round(reps.length * 0.04))).map((r) => r.rep.id),
  );
  for (const { rep, team } of reps) {
    const sessions = new Set<string>();
    const stop = uncovered.has(rep.id) ? addDaysTo(today, -15 - world.rng.int(0, 10)) : last;
    for (let d = addDaysTo(first, world.rng.int(0, 15)); d <= stop;) {
      const kind = dayKind(d);
      if (kind.weekday <= 5 && !kind.annual) {
        sessions.add(d);
        insert({
          kind: 'coaching',
          title: `角色扮演辅导 · ${rep.name}`,
          organizer: team.manager,
          teamId: team.id,
          attendees: [team.manager, rep],
          day: d,
          start: hm(17),
          end: hm(18),
          location: '小会议室',
          notes: world.rng.chance(0.6) ? world.rng.pick(coachingNotes) : null,
        });
        d = addDaysTo(d, world.rng.int(10, 20));
      } else {
        d = addDaysTo(d, 1);
      }
    }
    coaching.set(rep.id, sessions);
  }

  return {
    days,
    visitWindow(repId, day) {
      const kind = dayKind(day);
      if (kind.weekday > 5 || kind.annual) return null;
      const start = kind.weekday !== 1 ? hm(8, 30) : kind.firstMonday ? hm(13) : hm(10, 15);
      const end = coaching.get(repId)?.has(day) ? hm(16, 45) : hm(18);
      return { start, end };
    },
  };
}
