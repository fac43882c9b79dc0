import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardColumn, DealCard } from '../../../shared/contract/deals';
import {
  exitCriteria,
  milestoneIndex,
  milestones,
  type Milestone,
} from '../../../shared/domain/milestones';
import { ApiFailure, call } from '../../api/client';
import { queryClient, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { LocalizedDates } from '../../components/LocalizedDates';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';
import { columnName, dealColumn } from './columns';
import { fenToYuan, yuanToFen } from '../../components/money';
import { dealTables } from './tables';

/** What a move needs to know about the deal: the card as the board or the page shows it. */
export type MoveSubject = Pick<
  DealCard,
  'id' | 'title' | 'milestone' | 'status' | 'updatedAt' | 'amount'
>;

export type MoveKind = 'forward' | 'backward' | 'lost' | 'reopen';

/** Which dialog a move opens, or why it cannot happen. */
export function moveKind(
  deal: Pick<MoveSubject, 'milestone' | 'status'>,
  to: BoardColumn,
): MoveKind | 'same' | 'closed' {
  if (to === dealColumn(deal)) return 'same';
  if (deal.status !== 'open') return to === 'lost' || to === 'M6' ? 'closed' : 'reopen';
  if (to === 'lost') return 'lost';
  return milestoneIndex(to) > milestoneIndex(deal.milestone) ? 'forward' : 'backward';
}

/** The milestones a forward move leaves: each one's exit criteria must be ticked. */
function leaving(from: Milestone, to: Milestone): Milestone[] {
  return milestones.slice(milestoneIndex(from), milestoneIndex(to));
}

/**
 * The one dialog of every move: the exit checklist going forward (ticks are saved as they
 * are made), close date and final amount for won, the reason for lost, a confirmation going
 * back. A failed move keeps everything typed and shows the server's message; a conflict
 * refreshes what the board shows and lets the user try again on the new version.
 */
export function MoveModal({
  deal,
  to,
  onClose,
}: {
  deal: MoveSubject;
  to: BoardColumn;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const message = useErrorMessage();
  const today = localToday();
  const kind = moveKind(deal, to);
  const forward = kind === 'forward';
  const detail = useApiQuery('deals.get', { id: deal.id, today }, dealTables, {
    enabled: forward,
  });
  const [expectedUpdatedAt, setExpectedUpdatedAt] = useState(deal.updatedAt);
  const [forcing, setForcing] = useState(false);
  const [reason, setReason] = useState('');
  const [closedOn, setClosedOn] = useState<string | null>(today);
  const [finalAmount, setFinalAmount] = useState<number | string>(fenToYuan(deal.amount));
  const [lostReason, setLostReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [ticking, setTicking] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const criteria =
    forward && to !== 'lost'
      ? leaving(deal.milestone, to as Milestone).flatMap((m) =>
          exitCriteria[m].map((c) => ({ c, m })),
        )
      : [];
  const checked = new Set(
    (detail.data?.checklist ?? []).filter((i) => i.checked).map((i) => i.criterion),
  );
  const allTicked = criteria.every(({ c }) => checked.has(c));
  const canForce = me.role !== 'rep';
  const winning = to === 'M6' && kind === 'forward';

  const tick = async (criterion: string, value: boolean) => {
    setTicking(criterion);
    try {
      const saved = await call('deals.check', {
        dealId: deal.id,
        criterion,
        checked: value,
        expectedMilestone: deal.milestone,
        today,
      });
      // A tick may touch the deal's version; the move that follows must expect the new one.
      setExpectedUpdatedAt(saved.updatedAt);
      queryClient.setQueryData(['deals.get', { id: deal.id, today }], saved);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setTicking(null);
    }
  };

  const missing = {
    force: forcing && !allTicked && !reason.trim(),
    lost: kind === 'lost' && !lostReason.trim(),
    closedOn: winning && !closedOn,
    finalAmount: winning && !(Number(finalAmount) > 0),
  };
  const invalid = missing.force || missing.lost || missing.closedOn || missing.finalAmount;
  const blocked = forward && !allTicked && !forcing;

  const submit = async () => {
    setTried(true);
    if (invalid || blocked) return;
    setBusy(true);
    try {
      await call('deals.move', {
        id: deal.id,
        expectedUpdatedAt,
        to,
        today,
        ...(forward && !allTicked && forcing ? { forceReason: reason } : {}),
        ...(kind === 'reopen' && reason.trim() ? { forceReason: reason } : {}),
        ...(winning
          ? { closedOn: closedOn ?? today, finalAmount: yuanToFen(finalAmount) ?? 0 }
          : {}),
        ...(kind === 'lost' ? { lostReason } : {}),
      });
      notifications.show({
        color: 'teal',
        message: t('deals.move.moved_toast', { title: deal.title, target: columnName(t, to) }),
      });
      onClose();
    } catch (e) {
      setError(e);
      if (e instanceof ApiFailure && e.error.code === 'conflict') {
        // Show what changed; the next try is made against the version now on screen.
        await queryClient.invalidateQueries({
          predicate: (q) => String(q.queryKey[0]).startsWith('deals.'),
        });
        try {
          const fresh = await call('deals.get', { id: deal.id, today });
          setExpectedUpdatedAt(fresh.updatedAt);
          queryClient.setQueryData(['deals.get', { id: deal.id, today }], fresh);
        } catch {
          // The deal may be gone; the message already says so.
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const from = columnName(t, dealColumn(deal));
  const target = columnName(t, to);
  const title =
    kind === 'lost'
      ? t('deals.move.lostTitle')
      : kind === 'backward'
        ? t('deals.move.backTitle', { target })
        : kind === 'reopen'
          ? t('deals.move.reopenTitle', { target })
          : winning && criteria.length === 0
            ? t('deals.move.wonTitle')
            : t('deals.move.checklistTitle', { milestone: from });

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{title}</Text>}
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <LocalizedDates>
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {deal.title}
          </Text>
          {forward && (
            <Stack gap={8}>
              <Text size="sm" c="dimmed">
                {t('deals.move.checklistText', { target })}
              </Text>
              {detail.isError && <Text c="red">{message(detail.error)}</Text>}
              {criteria.map(({ c, m }) => (
                <Checkbox
                  key={c}
                  label={
                    criteria.length > exitCriteria[deal.milestone].length
                      ? `${m} · ${t(`criteria.${c}`)}`
                      : t(`criteria.${c}`)
                  }
                  checked={checked.has(c)}
                  disabled={!detail.data || ticking !== null}
                  onChange={(e) => void tick(c, e.currentTarget.checked)}
                />
              ))}
              {canForce && !allTicked && detail.data && (
                <Stack gap={6} mt="xs">
                  <Switch
                    label={t('deals.move.force')}
                    description={t('deals.move.forceHint')}
                    checked={forcing}
                    onChange={(e) => setForcing(e.currentTarget.checked)}
                    color="orange"
                  />
                  {forcing && (
                    <Textarea
                      label={t('deals.move.forceReason')}
                      withAsterisk
                      autosize
                      minRows={2}
                      value={reason}
                      onChange={(e) => setReason(e.currentTarget.value)}
                      error={tried && missing.force ? t('validation.required') : undefined}
                    />
                  )}
                </Stack>
              )}
            </Stack>
          )}
          {winning && (
            <Group grow align="flex-start">
              <DatePickerInput
                label={t('deals.fields.closeDate')}
                withAsterisk
                value={closedOn}
                onChange={setClosedOn}
                maxDate={today}
                error={tried && missing.closedOn ? t('validation.required') : undefined}
              />
              <NumberInput
                label={t('deals.move.finalAmount')}
                withAsterisk
                min={0}
                decimalScale={2}
                thousandSeparator=","
                prefix="¥"
                value={finalAmount}
                onChange={setFinalAmount}
                error={tried && missing.finalAmount ? t('validation.range') : undefined}
              />
            </Group>
          )}
          {kind === 'lost' && (
            <Textarea
              label={t('deals.move.lostReason')}
              withAsterisk
              autosize
              minRows={2}
              data-autofocus
              value={lostReason}
              onChange={(e) => setLostReason(e.currentTarget.value)}
              error={tried && missing.lost ? t('validation.required') : undefined}
            />
          )}
          {(kind === 'backward' || kind === 'reopen') && (
            <>
              <Text size="sm">
                {kind === 'backward'
                  ? t('deals.move.backText', { from, target })
                  : t('deals.move.reopenText')}
              </Text>
              {kind === 'reopen' && (
                <Textarea
                  label={t('deals.move.forceReason')}
                  autosize
                  minRows={2}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
              )}
            </>
          )}
          {error !== null && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert">
              {message(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color={kind === 'lost' ? 'red' : forcing && !allTicked ? 'orange' : undefined}
              loading={busy}
              disabled={blocked}
              onClick={() => void submit()}
            >
              {kind === 'backward'
                ? t('deals.move.confirm')
                : kind === 'reopen'
                  ? t('deals.move.reopen')
                  : kind === 'lost'
                    ? t('deals.move.lost')
                    : winning
                      ? t('deals.move.won')
                      : forcing && !allTicked
                        ? t('deals.move.force')
                        : t('deals.move.move')}
            </Button>
          </Group>
        </Stack>
      </LocalizedDates>
    </Modal>
  );
}
