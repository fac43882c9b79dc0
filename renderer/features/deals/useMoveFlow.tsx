import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardColumn } from '../../../shared/contract/deals';
import { MoveModal, moveKind, type MoveSubject } from './MoveModal';

/**
 * Starts a move from anywhere (a drop, the card menu, the deal page's buttons): opens the
 * dialog the move needs, or says why it cannot happen. Render `modal` once.
 */
export function useMoveFlow(): {
  request: (deal: MoveSubject, to: BoardColumn) => void;
  modal: ReactNode;
} {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ deal: MoveSubject; to: BoardColumn } | null>(null);
  const request = (deal: MoveSubject, to: BoardColumn) => {
    const kind = moveKind(deal, to);
    if (kind === 'same') return;
    if (kind === 'closed') {
      notifications.show({ color: 'orange', message: t('deals.move.refused_closed') });
      return;
    }
    setPending({ deal, to });
  };
  const modal = pending ? (
    <MoveModal
      key={`${pending.deal.id}-${pending.to}`}
      deal={pending.deal}
      to={pending.to}
      onClose={() => setPending(null)}
    />
  ) : null;
  return { request, modal };
}
