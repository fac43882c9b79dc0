import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_NOTE_MAX, type ReceivableView } from '../../../shared/contract/receivables';
import { useApiMutation } from '../../api/queries';
import { formatDay } from '../../components/dates';
import { useErrorMessage, useFieldErrors } from '../../components/errors';
import { LocalizedDates } from '../../components/LocalizedDates';
import { fenToYuan, formatMoney, yuanToFen } from '../../components/money';

type FormValues = { amount: number | string; collectedOn: string | null; note: string };

/** Records money collected against one instalment: amount (¥, defaults to its balance), day, note. */
export function RecordCollectionModal({
  receivable,
  today,
  onClose,
}: {
  receivable: ReceivableView;
  today: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const record = useApiMutation('collections.record');
  const message = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const form = useForm<FormValues>({
    initialValues: { amount: fenToYuan(receivable.balance), collectedOn: today, note: '' },
    validate: {
      amount: (value) => {
        const fen = yuanToFen(value);
        if (fen === null || fen <= 0) return t('receivables.validation.positive');
        if (fen > receivable.balance)
          return t('receivables.errors.overBalance', {
            balance: formatMoney(receivable.balance, i18n.language),
          });
        return null;
      },
      collectedOn: (value) => {
        if (!value) return t('validation.required');
        return value > today ? t('receivables.errors.futureCollection') : null;
      },
    },
  });

  const submit = form.onSubmit((values) =>
    record.mutate(
      {
        receivableId: receivable.id,
        amount: yuanToFen(values.amount) ?? 0,
        collectedOn: values.collectedOn ?? today,
        note: values.note,
        today,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('receivables.recorded_toast') });
          onClose();
        },
        onError: (error) => {
          const fields = fieldErrors(error);
          if (Object.keys(fields).length > 0) form.setErrors(fields);
          else notifications.show({ color: 'red', message: message(error) });
        },
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={t('receivables.recordTitle')} centered>
      <form onSubmit={submit} noValidate>
        <LocalizedDates>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('receivables.recordFor', {
                date: formatDay(receivable.dueOn, i18n.language, true),
                balance: formatMoney(receivable.balance, i18n.language),
              })}
            </Text>
            <NumberInput
              label={t('receivables.amountYuan')}
              prefix="¥"
              thousandSeparator=","
              decimalScale={2}
              min={0}
              hideControls
              data-autofocus
              {...form.getInputProps('amount')}
            />
            <DatePickerInput
              label={t('receivables.collectedOn')}
              leftSection={<IconCalendar size={16} />}
              maxDate={today}
              valueFormat={i18n.language === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY'}
              {...form.getInputProps('collectedOn')}
            />
            <TextInput
              label={t('receivables.note')}
              placeholder={t('receivables.notePlaceholder')}
              maxLength={COLLECTION_NOTE_MAX}
              {...form.getInputProps('note')}
            />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={record.isPending}>
                {t('receivables.record')}
              </Button>
            </Group>
          </Stack>
        </LocalizedDates>
      </form>
    </Modal>
  );
}
