import { useRef, useState } from 'react';
import type { DealDetail } from '../../../shared/contract/deals';
import type { Milestone } from '../../../shared/domain/milestones';
import { call } from '../../api/client';
import { queryClient } from '../../api/queries';

type Pending = ReadonlyMap<string, { checked: boolean; calls: number }>;

/**
 * Ticks exit criteria at once: a box shows its new state in the same frame as the click,
 * before the main process has answered (the tick and the refetch of what it changed take
 * a round trip each, which a busy machine stretches to seconds). Ticks are saved one after
 * another in click order; a refused one falls back to what the database holds and `onError`
 * gets the server's error. `settled()` waits for every tick in flight (a move must follow
 * them) and says whether all were saved.
 */
export function useChecklistTick(
  deal: { id: string; milestone: Milestone },
  today: string,
  options: { onError: (error: unknown) => void; onSaved?: (saved: DealDetail) => void },
) {
  const [pending, setPending] = useState<Pending>(new Map());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef(false);
  const key = ['deals.get', { id: deal.id, today }];

  const settle = (criterion: string) =>
    setPending((current) => {
      const next = new Map(current);
      const entry = next.get(criterion);
      if (!entry || entry.calls <= 1) next.delete(criterion);
      else next.set(criterion, { ...entry, calls: entry.calls - 1 });
      return next;
    });

  const tick = (criterion: string, checked: boolean) => {
    setPending((current) =>
      new Map(current).set(criterion, {
        checked,
        calls: (current.get(criterion)?.calls ?? 0) + 1,
      }),
    );
    const expectedMilestone = deal.milestone;
    queue.current = queue.current.then(async () => {
      try {
        const saved = await call('deals.check', {
          dealId: deal.id,
          criterion,
          checked,
          expectedMilestone,
          today,
        });
        // A refetch started before this commit would answer the old state after it.
        await queryClient.cancelQueries({ queryKey: key });
        queryClient.setQueryData(key, saved);
        options.onSaved?.(saved);
      } catch (error) {
        options.onError(error);
        failed.current = true;
        void queryClient.invalidateQueries({ queryKey: key });
      } finally {
        settle(criterion);
      }
    });
  };

  /** The state a box shows: the tick in flight, else what the database holds. */
  const checkedOf = (criterion: string, saved: boolean): boolean =>
    pending.get(criterion)?.checked ?? saved;

  const settled = async (): Promise<boolean> => {
    await queue.current;
    const ok = !failed.current;
    failed.current = false;
    return ok;
  };

  return { tick, checkedOf, settled, busy: pending.size > 0 };
}
