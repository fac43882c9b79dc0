import { core } from './core';
import { customers } from './customers';
import { dealrules } from './dealrules';
import { deals } from './deals';
import { followups } from './followups';
import { milestones } from './milestones';
import { receivables } from './receivables';
import { grading } from './grading';
import { handover } from './handover';
import { imports } from './imports';
import { intensity } from './intensity';
import { calendar } from './calendar';
import { reports } from './reports';
import { visits } from './visits';
import { scorecards } from './scorecards';
import { people } from './people';
import { timeline } from './timeline';
import { targets } from './targets';
import { weekly } from './weekly';
import { reportsui } from './reportsui';
import { exports } from './exports';
import { exportpack } from './exportpack';
import { sync } from './sync';
import { backup } from './backup';
import { exporttables } from './exporttables';
import { dashboard } from './dashboard';
import { signin } from './signin';

/**
 * The message catalogues, merged from one module per feature (each holds both languages).
 * A feature adds its module here.
 */
const modules = [
  core,
  people,
  customers,
  grading,
  timeline,
  followups,
  imports,
  handover,
  milestones,
  deals,
  dealrules,
  receivables,
  intensity,
  scorecards,
  visits,
  calendar,
  reports,
  targets,
  weekly,
  reportsui,
  exports,
  exportpack,
  sync,
  backup,
  exporttables,
  dashboard,
  signin,
] as const;

type Merge<M extends readonly { en: object }[]> = M extends readonly [
  infer H extends { en: object },
  ...infer R extends readonly { en: object }[],
]
  ? H['en'] & Merge<R>
  : unknown;
export type Messages = Merge<typeof modules>;

function merge(language: 'en' | 'zh-CN'): Messages {
  return Object.assign({}, ...modules.map((m) => m[language])) as Messages;
}

export const catalogues: Record<'zh-CN' | 'en', Messages> = {
  en: merge('en'),
  'zh-CN': merge('zh-CN'),
};

/** The app's language for a system locale: Chinese locales get 简体中文, all others English. */
export function languageForLocale(locale: string | undefined): 'zh-CN' | 'en' {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
