import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTALMENTS_MAX, type DealReceivables } from '../../../shared/contract/receivables';
import { addDays } from '../../../shared/domain/grading';
import { useApiMutation } from '../../api/queries';
import { useErrorMessage } from '../../components/errors';
import { LocalizedDates } from '../../components/LocalizedDates';
import { fenToYuan, formatMoney, yuanToFen } from '../../components/money';

/** One row of the editor; `id` is set for an instalment that already exists (it is kept, with its collections). */
type Row = { key: number; id?: string; amount: number | string; dueOn: string | null };

/** Rows from the deal's instalments, or one row for the whole amount when there are none. */
function initialRows(data: DealReceivables, today: string): Row[] {
  if (data.receivables.length === 0)
    return [{ key: 0, amount: fenToYuan(data.dealAmount), dueOn: addDays(today, 30) }];
  return data.receivables.map((r, i) => ({
    key: i,
    id: r.id,
    amount: fenToYuan(r.amount),
    dueOn: r.dueOn,
  }));
}

/**
 * The "split into instalments" editor: rows of amount and due date whose sum must match
 * the deal's amount, shown live; saving replaces the deal's receivables in one commit.
 */
export function SplitModal({
  data,
  today,
  onClose,
}: {
  data: DealReceivables;
  today: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const split = useApiMutation('receivables.split');
  const message = useErrorMessage();
  const [rows, setRows] = useState<Row[]>(() => initialRows(data, today));
  const [nextKey, setNextKey] = useState(rows.length);
  const money = (fen: number) => formatMoney(fen, i18n.language);
  const collectedOf = new Map(data.receivables.map((r) => [r.id, r.collected]));

  const fens = rows.map((r) => yuanToFen(r.amount));
  const sum = fens.reduce<number>((s, f) => s + (f ?? 0), 0);
  const diff = data.dealAmount - sum;
  const rowsValid = rows.every((r, i) => (fens[i] ?? 0) > 0 && r.dueOn);
  const canSave = rowsValid && diff === 0;

  const update = (key: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const last = rows[rows.length - 1];
    setRows((list) => [
      ...list,
      {
        key: nextKey,
        amount: diff > 0 ? fenToYuan(diff) : '',
        dueOn: addDays(last?.dueOn ?? today, 30),
      },
    ]);
    setNextKey((k) => k + 1);
  };

  const save = () =>
    split.mutate(
      {
        dealId: data.dealId,
        instalments: rows.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          amount: yuanToFen(r.amount) ?? 0,
          dueOn: r.dueOn ?? '',
        })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('receivables.split_toast') });
          onClose();
        },
        onError: (error) => notifications.show({ color: 'red', message: message(error) }),
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('receivables.splitTitle')} size="lg" centered>
      <LocalizedDates>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('receivables.splitHelp')}
          </Text>
          {rows.map((row, i) => {
            const collected = row.id ? (collectedOf.get(row.id) ?? 0) : 0;
            const n = i + 1;
            return (
              <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
                <Text size="sm" w={96} pb={8} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                  {t('receivables.instalment', { n })}
                </Text>
                <NumberInput
                  label={i === 0 ? t('receivables.amountYuan') : undefined}
                  aria-label={`${t('receivables.instalment', { n })} ${t('receivables.amountYuan')}`}
                  prefix="¥"
                  thousandSeparator=","
                  decimalScale={2}
                  min={0}
                  hideControls
                  value={row.amount}
                  onChange={(amount) => update(row.key, { amount })}
                  style={{ flex: 1 }}
                  error={
                    collected > 0 && (fens[i] ?? 0) < collected
                      ? t('receivables.errors.belowCollected', {
                          dueOn: row.dueOn ?? '',
                          collected: money(collected),
                        })
                      : undefined
                  }
                />
                <DatePickerInput
                  label={i === 0 ? t('receivables.dueOn') : undefined}
                  aria-label={`${t('receivables.instalment', { n })} ${t('receivables.dueOn')}`}
                  leftSection={<IconCalendar size={16} />}
                  valueFormat={i18n.language === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY'}
                  value={row.dueOn}
                  onChange={(dueOn) => update(row.key, { dueOn })}
                  style={{ flex: 1 }}
                />
                <Tooltip label={t('receivables.removeInstalment', { n })} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mb={4}
                    aria-label={t('receivables.removeInstalment', { n })}
                    disabled={rows.length === 1 || collected > 0}
                    onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            );
          })}
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={add}
              disabled={rows.length >= INSTALMENTS_MAX}
            >
              {t('receivables.addInstalment')}
            </Button>
            <Text size="sm" className="tabular" aria-live="polite">
              {t('receivables.splitSum', { sum: money(sum), amount: money(data.dealAmount) })}
            </Text>
          </Group>
          {diff !== 0 && (
            <Alert color={diff > 0 ? 'yellow' : 'red'} py={6}>
              {diff > 0
                ? t('receivables.splitRemaining', { amount: money(diff) })
                : t('receivables.splitOver', { amount: money(-diff) })}
            </Alert>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} disabled={!canSave} loading={split.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </LocalizedDates>
    </Modal>
  );
}
