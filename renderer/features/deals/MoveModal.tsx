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
import { exitCriteria, milestoneIndex, passedMilestones } from '../../../shared/domain/milestones';
import { ApiFailure, call } from '../../api/client';
import { queryClient, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { LocalizedDates } from '../../components/LocalizedDates';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';
import { columnName, dealColumn } from './columns';
import { fenToYuan, yuanToFen } from '../../components/money';
import { dealTables } from './tables';
import { useChecklistTick } from './useChecklistTick';

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

/**
 * The one dialog of every move: the exit checklist of every milestone a forward move passes,
 * grouped by milestone (the current one's ticks are saved as they are made, like on the deal
 * page; those of the milestones a drag skips are saved with the move, in its commit), close
 * date and final amount for won, the reason for lost, a confirmation going back. A failed move keeps everything typed and shows the server's message; a conflict
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
  const [tried, setTried] = useState(false);
  // Ticks of the milestones this move skips: the deal is not there yet, so they go with the move.
  const [ahead, setAhead] = useState<ReadonlySet<string>>(new Set());
  const ticks = useChecklistTick(deal, today, {
    onError: setError,
    onSaved: (saved) => {
      // A tick may touch the deal's version; the move that follows must expect the new one.
      setExpectedUpdatedAt(saved.updatedAt);
      setError(null);
    },
  });

  const passed = forward ? passedMilestones(deal.milestone, to) : [];
  const criteria = passed.flatMap((m) => exitCriteria[m].map((c) => ({ c, m })));
  const saved = new Set(
    (detail.data?.checklist ?? []).filter((i) => i.checked).map((i) => i.criterion),
  );
  const isChecked = (c: string, m: string) =>
    m === deal.milestone ? ticks.checkedOf(c, saved.has(c)) : saved.has(c) || ahead.has(c);
  const onTick = (c: string, m: string, value: boolean) => {
    if (m === deal.milestone) ticks.tick(c, value);
    else
      setAhead((current) => {
        const next = new Set(current);
        if (value) next.add(c);
        else next.delete(c);
        return next;
      });
  };
  const allTicked = criteria.every(({ c, m }) => isChecked(c, m));
  const canForce = me.role !== 'rep';
  const winning = to === 'M6' && kind === 'forward';

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
    // The move follows the ticks still in flight; a refused one has said why already.
    if (!(await ticks.settled())) {
      setBusy(false);
      return;
    }
    try {
      await call('deals.move', {
        id: deal.id,
        expectedUpdatedAt,
        to,
        today,
        ...(forward && !allTicked && forcing ? { forceReason: reason } : {}),
        ...(forward && ahead.size > 0 ? { checks: [...ahead] } : {}),
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
            : passed.length > 1
              ? t('deals.move.checklistSkipTitle', { target, milestones: passed.join(' · ') })
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
                {passed.length > 1
                  ? t('deals.move.checklistSkipText', { target, count: passed.length })
                  : t('deals.move.checklistText', { target })}
              </Text>
              {detail.isError && <Text c="red">{message(detail.error)}</Text>}
              {passed.map((m) => (
                <Stack key={m} gap={6} role="group" aria-label={`${m} ${t(`milestones.${m}`)}`}>
                  {passed.length > 1 && (
                    <Group gap="xs" mt={4}>
                      <Text size="sm" fw={650}>
                        {m} {t(`milestones.${m}`)}
                      </Text>
                      {m !== deal.milestone && (
                        <Text size="xs" c="dimmed">
                          {t('deals.move.savedWithMove')}
                        </Text>
                      )}
                    </Group>
                  )}
                  {exitCriteria[m].map((c) => (
                    <Checkbox
                      key={c}
                      label={t(`criteria.${c}`)}
                      checked={isChecked(c, m)}
                      disabled={!detail.data}
                      onChange={(e) => onTick(c, m, e.currentTarget.checked)}
                    />
                  ))}
                </Stack>
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
