import { grades, type Grade } from './grading';

/**
 * What a handover moves (domain.md §1), in the order the preview lists them; each name has
 * a part in `electron/features/handover/parts.ts`. `futureVisits`: planned visits from
 * today on (past visits stay credited to the rep who made them).
 */
export const handoverPartNames = ['customers', 'openDeals', 'followUps', 'futureVisits'] as const;
export type HandoverPartName = (typeof handoverPartNames)[number];

/** The grade buckets a handover can split by: the four grades, and customers not graded yet. */
export const handoverGrades = [...grades, 'ungraded'] as const;
export type HandoverGrade = (typeof handoverGrades)[number];

/** How a handover can assign the leaving rep's customers. */
export const handoverModes = ['all', 'region', 'grade'] as const;
export type HandoverMode = (typeof handoverModes)[number];

/**
 * Who receives what. `byRegion` keys are region names, `''` standing for customers
 * without a region. A customer goes to its region's colleague, else its grade's, else the
 * default colleague: region wins because territory decides who can visit. The wizard sets
 * one map at a time; the default also takes open follow-ups on other reps' customers.
 */
export type HandoverRouting = {
  defaultToUserId: string;
  byRegion?: Readonly<Record<string, string>>;
  byGrade?: Readonly<Partial<Record<HandoverGrade, string>>>;
};

/** The region bucket of a customer: blank and missing regions share the `''` bucket. */
export function regionBucket(region: string | null | undefined): string {
  return region?.trim() ?? '';
}

/** The grade bucket of a customer. */
export function gradeBucket(grade: Grade | null | undefined): HandoverGrade {
  return grade ?? 'ungraded';
}

// Keys come from user data (region names): never read through the prototype chain.
function own<V>(map: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** The colleague who receives one of the leaving rep's customers under a routing. */
export function receiverOf(
  routing: HandoverRouting,
  customer: { region: string | null; grade: Grade | null },
): string {
  return (
    own(routing.byRegion, regionBucket(customer.region)) ??
    own<string>(routing.byGrade, gradeBucket(customer.grade)) ??
    routing.defaultToUserId
  );
}

/**
 * The text of a customer's 'handover' timeline entry. Names only and an arrow, so it
 * reads the same in both languages; the timeline labels the entry by its kind (交接 /
 * Handover) through i18n, and the change log keeps the user ids.
 */
export function handoverNote(fromName: string, toName: string): string {
  return `${fromName} → ${toName}`;
}
