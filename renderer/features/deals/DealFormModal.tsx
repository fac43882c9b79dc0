import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DealDetail } from '../../../shared/contract/deals';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useCurrentUser } from '../../app/status';
import { LocalizedDates } from '../../components/LocalizedDates';
import { localToday } from '../../components/dates';
import { useErrorMessage, useFieldErrors } from '../../components/errors';
import { fenToYuan, yuanToFen } from '../../components/money';

type Values = {
  customerId: string | null;
  title: string;
  amount: number | string;
  expectedCloseOn: string | null;
  ownerId: string | null;
  nextStep: string;
};

/** A date 30 days on: a sensible first guess for when a new deal might close. */
function inAMonth(): string {
  const d = new Date();
  d.setDate(d.getDate() + 30);
  return localToday(d);
}

/**
 * Create a deal (from the board or a customer page) or edit one. The amount is typed in
 * yuan and sent in fen; a deal with product lines takes its amount from them.
 */
export function DealFormModal({
  onClose,
  deal,
  customer,
}: {
  onClose: () => void;
  deal?: DealDetail;
  /** Opened from a customer: fixed to it, and owned by its owner unless changed. */
  customer?: { id: string; name: string; ownerId?: string | null };
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const create = useApiMutation('deals.create');
  const update = useApiMutation('deals.update');
  const fieldErrors = useFieldErrors();
  const message = useErrorMessage();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: {
      customerId: deal?.customerId ?? customer?.id ?? null,
      title: deal?.title ?? '',
      amount: deal ? fenToYuan(deal.amount) : '',
      expectedCloseOn: deal?.expectedCloseOn ?? inAMonth(),
      // A customer's deals are its owner's by default (the person who will work it), not
      // whoever happens to be signed in; the picker still changes it.
      ownerId: deal?.ownerId ?? customer?.ownerId ?? me.id,
      nextStep: deal?.nextStep ?? '',
    },
    validate: {
      customerId: (v) => (v ? null : t('validation.required')),
      title: (v) => (v.trim() ? null : t('validation.required')),
      amount: (v) => (v !== '' && Number(v) > 0 ? null : t('validation.range')),
      expectedCloseOn: (v) => (v ? null : t('validation.required')),
      ownerId: (v) => (v ? null : t('validation.required')),
    },
  });
  const amountLocked = !!deal && (deal.lines.length > 0 || deal.status !== 'open');

  const onError = (error: Error) => {
    const fields = fieldErrors(error);
    form.setErrors(fields);
    setFailure(Object.keys(fields).length === 0 ? error : null);
  };
  const submit = form.onSubmit((v) => {
    setFailure(null);
    const today = localToday();
    if (deal) {
      update.mutate(
        {
          id: deal.id,
          expectedUpdatedAt: deal.updatedAt,
          today,
          fields: {
            title: v.title,
            amount: yuanToFen(v.amount) ?? 0,
            expectedCloseOn: v.expectedCloseOn ?? today,
            ownerId: v.ownerId ?? me.id,
            nextStep: v.nextStep,
          },
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('deals.saved_toast') });
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      {
        customerId: v.customerId ?? '',
        title: v.title,
        amount: yuanToFen(v.amount) ?? 0,
        expectedCloseOn: v.expectedCloseOn ?? today,
        nextStep: v.nextStep,
        today,
        ...(v.ownerId ? { ownerId: v.ownerId } : {}),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('deals.created_toast', { title: saved.title }),
          });
          onClose();
          if (!customer) void navigate(`/deals/${saved.id}`);
        },
        onError,
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{deal ? t('deals.editTitle') : t('deals.newTitle')}</Text>}
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <LocalizedDates>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <CustomerPicker
              label={t('deals.fields.customer')}
              placeholder={t('deals.fields.customerSearch')}
              value={form.values.customerId}
              onChange={(id) => form.setFieldValue('customerId', id)}
              error={form.errors.customerId as string | undefined}
              {...(deal
                ? { fixed: { id: deal.customerId, name: deal.customerName } }
                : customer
                  ? { fixed: customer }
                  : {})}
            />
            <TextInput
              label={t('deals.fields.title')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('title')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('deals.fields.amount')}
                withAsterisk
                min={0}
                decimalScale={2}
                thousandSeparator=","
                prefix="¥"
                disabled={amountLocked}
                {...form.getInputProps('amount')}
              />
              <DatePickerInput
                label={t('deals.fields.expectedClose')}
                withAsterisk
                valueFormat={i18n.language === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY'}
                {...form.getInputProps('expectedCloseOn')}
              />
              <Select
                label={t('deals.fields.owner')}
                withAsterisk
                searchable
                allowDeselect={false}
                data={(users.data ?? []).map((u) => ({
                  value: u.id,
                  label: u.teamName ? `${u.name} · ${u.teamName}` : u.name,
                }))}
                {...form.getInputProps('ownerId')}
              />
            </SimpleGrid>
            <Textarea
              label={t('deals.fields.nextStep')}
              autosize
              minRows={2}
              {...form.getInputProps('nextStep')}
            />
            {failure !== null && (
              <Alert color="red" variant="light" role="alert">
                {message(failure)}
              </Alert>
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {deal ? t('common.save') : t('common.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </LocalizedDates>
    </Modal>
  );
}
