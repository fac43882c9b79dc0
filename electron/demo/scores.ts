import {
  dimensions,
  levelKeys,
  levelPoints,
  rubric,
  scorePoints,
  scoreTotal,
  type Dimension,
  type ReachedWith,
  type ScoreLevels,
} from '../../shared/domain/intensity';
import type { Milestone } from '../../shared/domain/milestones';
import { rowMeta, type DemoDeal, type DemoPart, type DemoWorld } from './world';

const DAY = 86_400_000;

/** Where a scoring's total lands in each milestone (domain.md §4: intensity rises with the funnel). */
const totalRange: Record<Milestone, readonly [number, number]> = {
  M1: [10, 30],
  M2: [25, 45],
  M3: [40, 60],
  M4: [55, 75],
  M5: [70, 90],
  M6: [80, 95],
};

/** How often Problem, Vision and Value are reached with the decision maker, per milestone. */
const deciderShare: Record<Milestone, number> = {
  M1: 0.05,
  M2: 0.2,
  M3: 0.55,
  M4: 0.7,
  M5: 0.85,
  M6: 0.9,
};

const notes = [
  '客户认可痛点，需求明确',
  '决策者尚未接触',
  '经办人愿意引荐决策者',
  '已提交价值方案，等待反馈',
  '竞品也在推进，需加快',
  '预算待确认',
  '技术交流顺利',
  '建议主管陪同拜访决策者',
  '客户同意做联合价值验证',
  '提案前审查已安排',
] as const;

/** Each rep's habits: one dimension they neglect, and whether they call deals too early. */
type Habit = { weak: Dimension; optimistic: boolean };

/** Every rep a weaker dimension (all five appear across a team); one rep in six optimistic. */
function habits(world: DemoWorld): Map<string, Habit> {
  const offset = world.rng.int(0, dimensions.length - 1);
  return new Map(
    world.reps().map((rep, i) => [
      rep.id,
      {
        weak: dimensions[(offset + i) % dimensions.length] ?? 'power',
        optimistic: i % 6 === 2,
      },
    ]),
  );
}

/** The level of a dimension whose points (in the column reached) lie nearest `target`. */
function nearest(dimension: Dimension, target: number, by?: ReachedWith): string {
  let best = '';
  let distance = Infinity;
  for (const key of levelKeys(dimension)) {
    const d = Math.abs(levelPoints(dimension, key, by) - target);
    if (d < distance) [best, distance] = [key, d];
  }
  return best;
}

/** Levels that add up to roughly `total`, the rep's weak dimension held back. */
function levelsFor(
  world: DemoWorld,
  total: number,
  milestone: Milestone,
  habit: Habit,
): ScoreLevels {
  const weights = dimensions.map((d) => (d === habit.weak ? 0.35 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const chosen = dimensions.map((d, i) => {
    const noise = (world.rng.float() - 0.5) * 5;
    const target = Math.max(0, Math.min(20, (total * (weights[i] ?? 1)) / sum + noise));
    if (!rubric[d].twoColumn) return { level: nearest(d, target) };
    // The contact's column tops out at 6–10 points: higher levels of intensity need the
    // decision maker, whose column starts at 8–12, so a low target stays with the contact.
    const keys = levelKeys(d);
    const contactMax = levelPoints(d, keys[keys.length - 1] ?? '', 'contact');
    const share = deciderShare[milestone] + (target > contactMax + 1 ? 0.3 : 0);
    const by: ReachedWith = target >= 7 && world.rng.chance(share) ? 'decider' : 'contact';
    return { level: nearest(d, target, by), with: by };
  });
  const [problem, power, vision, value, control] = chosen;
  // The keys come from the rubric's own ladders.
  return { problem, power, vision, value, control } as ScoreLevels;
}

/** The milestone a deal was in at `at`. */
function milestoneAt(deal: DemoDeal, at: number): Milestone {
  let current = deal.path[0]?.milestone ?? deal.milestone;
  for (const step of deal.path) if (step.at.getTime() <= at) current = step.milestone;
  return current;
}

/** When a deal was scored, oldest first: none for some, and a stale latest for about a quarter of open deals. */
function scoringTimes(world: DemoWorld, deal: DemoDeal): number[] {
  const today = world.today.getTime();
  const created = deal.created.getTime();
  const open = deal.status === 'open';
  if (world.rng.chance(open ? 0.12 : 0.3)) return [];
  const end = open ? today - 3_600_000 : (deal.closedAt?.getTime() ?? today) - 3_600_000;
  if (end <= created) return [created];
  let latest: number;
  if (open && created < today - 35 * DAY && world.rng.chance(0.4)) {
    // Stale: last scored 31 days to four months ago, never before the deal existed.
    const from = Math.max(created, today - 120 * DAY);
    latest = from + world.rng.float() * (today - 31 * DAY - from);
  } else {
    // Most reps rescore when a deal moves on; some leave the last stage's score standing.
    const moved = deal.stageEnteredAt.getTime();
    const since = open && moved < end && world.rng.chance(0.8) ? moved : created;
    const from = open ? Math.max(since, today - 29 * DAY) : created + (end - created) * 0.6;
    latest = from + world.rng.float() * (end - from);
  }
  const count = Math.min(
    world.rng.weighted([
      [1, 3],
      [2, 4],
      [3, 3],
      [4, 2],
      [5, 1],
    ]),
    1 + Math.floor((latest - created) / (7 * DAY)),
  );
  const times = [latest];
  for (let i = 1; i < count; i++) times.push(created + world.rng.float() * (latest - created));
  return times.sort((a, b) => a - b);
}

/** Managers of each team: they score some of their reps' deals when coaching. */
function managersByTeam(world: DemoWorld): Map<string, string> {
  return new Map(world.users.filter((u) => u.role === 'manager').map((u) => [u.teamId, u.id]));
}

/** Intensity scores over each deal's life, rising with the milestone, biased by each rep's habits. */
export const scoresPart: DemoPart = {
  name: 'scores',
  tables: ['deal_scores'],
  run(world, out) {
    const byRep = habits(world);
    const teamOf = new Map(world.users.map((u) => [u.id, u.teamId]));
    const managers = managersByTeam(world);
    for (const deal of world.deals) {
      const habit = byRep.get(deal.ownerId) ?? { weak: 'control', optimistic: false };
      for (const time of scoringTimes(world, deal)) {
        const at = new Date(time);
        const milestone = milestoneAt(deal, time);
        const [lo, hi] = totalRange[milestone];
        let total = lo + world.rng.float() * (hi - lo);
        // An optimistic rep moves deals on before the work is done: far below the milestone.
        if (habit.optimistic) total *= 0.45 + world.rng.float() * 0.15;
        const levels = levelsFor(world, total, milestone, habit);
        const points = scorePoints(levels);
        const manager = managers.get(teamOf.get(deal.ownerId) ?? '');
        const by = manager && world.rng.chance(0.15) ? manager : deal.ownerId;
        out.insert('deal_scores', {
          id: world.idAt(at),
          deal_id: deal.id,
          scored_at: at.toISOString(),
          scored_by: by,
          problem_level: levels.problem.level,
          problem_with: levels.problem.with,
          power_level: levels.power.level,
          vision_level: levels.vision.level,
          vision_with: levels.vision.with,
          value_level: levels.value.level,
          value_with: levels.value.with,
          control_level: levels.control.level,
          note: world.rng.chance(0.55) ? world.rng.pick(notes) : null,
          problem_points: points.problem,
          power_points: points.power,
          vision_points: points.vision,
          value_points: points.value,
          control_points: points.control,
          total_points: scoreTotal(points),
          ...rowMeta(at, by),
        });
      }
    }
  },
};
