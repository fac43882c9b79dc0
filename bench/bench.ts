import type { AppContext } from '../electron/core/context';
import type { Input, MethodName } from '../shared/contract';

/** One printed figure: a median (or a size) and the budget it must meet. */
export type Row = {
  name: string;
  value: number;
  budget: number;
  unit: 'ms' | 'KB' | 'MB';
  note?: string;
};

/** What a bench case gets: the large demo file opened as a manager, and ways to time and record. */
export type Bench = {
  ctx: AppContext;
  /** A temp folder for files the case makes (removed afterwards). */
  dir: string;
  /** Median milliseconds of calling a method through dispatch, cycling through the inputs. */
  timeCall: <M extends MethodName>(method: M, inputs: Input<M>[], runs?: number) => Promise<number>;
  record: (row: Row) => void;
};
