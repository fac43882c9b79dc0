import type { DealStatus, Milestone } from '../../shared/domain/milestones';
import { seededBytes, uuidv7 } from '../core/ids';
import type { SyncedTableName } from '../core/tables';
import type { BulkInserter } from './bulk';
import { Rng } from './random';

export type DemoSize = 'small' | 'large';

export type DemoTeamPlan = { name: string; regions: string[]; reps: number };

/** How big each demo is (issue 2): `large` is the scale every budget is measured on. */
export const demoPlans: Record<
  DemoSize,
  {
    parentTeam: string | null;
    teams: DemoTeamPlan[];
    customers: number;
    contactsPerCustomer: number;
  }
> = {
  small: {
    parentTeam: null,
    teams: [{ name: '华东销售部', regions: ['华东'], reps: 6 }],
    customers: 300,
    contactsPerCustomer: 3,
  },
  large: {
    parentTeam: '销售中心',
    teams: [
      { name: '华东一部', regions: ['华东'], reps: 10 },
      { name: '华东二部', regions: ['华东'], reps: 9 },
      { name: '华南销售部', regions: ['华南'], reps: 9 },
      { name: '华北销售部', regions: ['华北', '东北'], reps: 8 },
      { name: '华中销售部', regions: ['华中'], reps: 7 },
      { name: '西部销售部', regions: ['西南', '西北'], reps: 7 },
    ],
    customers: 20_000,
    contactsPerCustomer: 3,
  },
};

export type DemoUser = {
  id: string;
  name: string;
  role: 'manager' | 'rep' | 'admin';
  teamId: string;
  regions: string[];
};
export type DemoCustomer = {
  id: string;
  name: string;
  ownerId: string;
  region: string;
  createdAt: Date;
  status: string;
};

/** A deal as the deals part made it: what later parts (scores) date their rows by. */
export type DemoDeal = {
  id: string;
  ownerId: string;
  milestone: Milestone;
  status: DealStatus;
  created: Date;
  stageEnteredAt: Date;
  closedAt: Date | null;
  /** Every stage entered, oldest first (the first at creation). */
  path: readonly { milestone: Milestone; at: Date }[];
};

/**
 * What the parts of the generator share: the seed's randomness, "today", and what
 * earlier parts made (later parts — deals, visits — pick from these lists).
 */
export class DemoWorld {
  readonly rng: Rng;
  readonly start: Date;
  readonly users: DemoUser[] = [];
  readonly customers: DemoCustomer[] = [];
  /** Contact ids per customer id, in creation order (deal briefs pick from these). */
  readonly contactIds = new Map<string, string[]>();
  readonly deals: DemoDeal[] = [];
  private readonly bytes: (n: number) => Uint8Array;
  private counter = 0;

  constructor(
    readonly size: DemoSize,
    readonly seed: number,
    /** The last day of the demo's four years of history. */
    readonly today: Date,
  ) {
    this.rng = new Rng(seed);
    this.bytes = seededBytes(seed ^ 0x5eed);
    this.start = new Date(today.getTime() - 4 * 365 * 86_400_000);
  }

  get plan() {
    return demoPlans[this.size];
  }

  /** A deterministic UUIDv7 whose time part is the row's creation time. */
  idAt(at: Date): string {
    this.counter = (this.counter + 1) & 0xfff;
    return uuidv7(at.getTime(), this.counter, this.bytes(8));
  }

  /** A random instant between `from` and `to`. */
  between(from: Date, to: Date): Date {
    return new Date(from.getTime() + this.rng.float() * (to.getTime() - from.getTime()));
  }

  reps(): DemoUser[] {
    return this.users.filter((u) => u.role === 'rep');
  }
}

/** One slice of the demo: later issues add parts (deals, visits…) after the ones they read. */
export type DemoPart = {
  name: string;
  tables: SyncedTableName[];
  run: (world: DemoWorld, out: BulkInserter) => void;
};

/** The columns every synced row carries, for a row created at `at`. */
export function rowMeta(at: Date, by: string | null = null) {
  const iso = at.toISOString();
  return { created_at: iso, updated_at: iso, deleted_at: null, updated_by: by };
}
