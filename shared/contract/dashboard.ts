import { z } from 'zod';
import { day, empty } from './common';
import { method } from './define';

/** The getting-started steps of a new team, in the order a manager does them. */
export const gettingStartedSteps = [
  'people',
  'customers',
  'targets',
  'plan',
  'teamFolder',
] as const;
export type GettingStartedStep = (typeof gettingStartedSteps)[number];

export const gettingStarted = z.object({
  /**
   * Whether the dashboard shows the panel: the team was created on this device, the panel
   * was not dismissed here, and some step is still open (a demo or a joined team never shows it).
   */
  show: z.boolean(),
  /** Each step and whether the data says it is done. */
  steps: z.array(z.object({ step: z.enum(gettingStartedSteps), done: z.boolean() })),
});
export type GettingStarted = z.infer<typeof gettingStarted>;

export const dashboardContract = {
  /** A new team's getting-started steps, each done when the data says so (`today` names the week and period). */
  'dashboard.gettingStarted': method(z.object({ today: day }).strict(), gettingStarted),
  /** Hides the getting-started panel on this device for good. */
  'dashboard.dismissGettingStarted': method(empty, z.object({ ok: z.literal(true) })),
} as const;
