import { everyone, seesOwner, type Visibility } from '../team/visibility';
import { sql } from 'drizzle-orm';
import type { WeeklyListRow } from '../../../shared/contract/weekly';
import { isoWeekRange } from '../../../shared/domain/time';
import type { Db } from '../../db/connection';
import { teamAt } from '../team/team.memberships';

type Row = {
  userId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  active: number;
  reportId: string | null;
  status: 'draft' | 'submitted' | 'reviewed' | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
};

/**
 * Who has and hasn't written their report for a week: every active rep, and anyone else who
 * has a report that week, with the team they were in on the week's Monday (membership, else
 * the current team); `teamId` keeps one team. One query; reps by team and name.
 */
export function weeklyList(
  db: Db,
  week: string,
  teamId: string | undefined,
  /** Who the asker may read (docs/data-scope.md); the pack passes everyone, its scope is checked. */
  visible: Visibility = everyone,
): {
  week: string;
  from: string;
  to: string;
  rows: WeeklyListRow[];
  counts: Record<WeeklyListRow['status'], number>;
} {
  const range = isoWeekRange(week) ?? { from: '', to: '' };
  const team = teamAt(sql`u.id`, range.from);
  const rows = db.all<Row>(sql`
    SELECT p.*, t.name AS teamName FROM (
      SELECT u.id AS userId, u.name AS name, ${team} AS teamId, u.active AS active,
        r.id AS reportId, r.status AS status, r.submitted_at AS submittedAt,
        r.reviewed_at AS reviewedAt, r.review_comment AS reviewComment
      FROM users u
      LEFT JOIN weekly_reports r ON r.id = (
        SELECT r2.id FROM weekly_reports r2
        WHERE r2.user_id = u.id AND r2.week = ${week} AND r2.deleted_at IS NULL
        ORDER BY r2.updated_at DESC, r2.id DESC LIMIT 1)
      WHERE u.deleted_at IS NULL AND ((u.role = 'rep' AND u.active = 1) OR r.id IS NOT NULL)
    ) p
    LEFT JOIN teams t ON t.id = p.teamId
    ${teamId ? sql`WHERE p.teamId = ${teamId}` : sql``}
    ORDER BY t.name IS NULL, t.name, p.name, p.userId`);
  const counts = { missing: 0, draft: 0, submitted: 0, reviewed: 0 };
  const out = rows
    .filter((r) => seesOwner(visible, r.userId))
    .map((r): WeeklyListRow => {
      const status = r.status ?? 'missing';
      counts[status] += 1;
      return {
        userId: r.userId,
        name: r.name,
        teamId: r.teamId,
        teamName: r.teamName,
        active: r.active === 1,
        status,
        reportId: r.reportId,
        submittedAt: r.submittedAt,
        reviewedAt: r.reviewedAt,
        returned: status === 'draft' && !!r.reviewComment,
      };
    });
  return { week, from: range.from, to: range.to, rows: out, counts };
}
