import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealBrief, DealDetail } from '../../../shared/contract/deals';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useErrorMessage } from '../../components/errors';

const parts = ['Problem', 'Cause', 'Vision', 'Value'] as const;
type Side = 'contact' | 'decider';
type Form = Record<`${Side}${(typeof parts)[number]}`, string> & {
  contactId: string | null;
  deciderId: string | null;
  nextStep: string;
};

function formOf(deal: DealDetail): Form {
  const b: DealBrief = deal.brief;
  return {
    contactId: b.contact?.id ?? null,
    deciderId: b.decider?.id ?? null,
    contactProblem: b.contactProblem ?? '',
    contactCause: b.contactCause ?? '',
    contactVision: b.contactVision ?? '',
    contactValue: b.contactValue ?? '',
    deciderProblem: b.deciderProblem ?? '',
    deciderCause: b.deciderCause ?? '',
    deciderVision: b.deciderVision ?? '',
    deciderValue: b.deciderValue ?? '',
    nextStep: deal.nextStep ?? '',
  };
}

/**
 * The key opportunity brief (关键机会简报, slide 33): for the contact (经办人) and the
 * decision maker (决策者), picked from the customer's contacts: problem, cause, vision,
 * value; plus the next step.
 */
export function BriefEditor({ deal }: { deal: DealDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const customer = useApiQuery('customers.get', { id: deal.customerId }, ['customers', 'contacts']);
  const save = useApiMutation('deals.setBrief');
  const [form, setForm] = useState<Form>(() => formOf(deal));
  useEffect(() => setForm(formOf(deal)), [deal]);
  const contacts = (customer.data?.contacts ?? []).map((c) => ({
    value: c.id,
    label: c.title ? `${c.name} · ${c.title}` : c.name,
  }));
  // The brief's people stay listed even if the contact was removed from the customer since.
  for (const p of [deal.brief.contact, deal.brief.decider])
    if (p && !contacts.some((c) => c.value === p.id))
      contacts.push({ value: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name });

  const side = (s: Side) => (
    <Stack gap="xs">
      <Text fw={650} size="sm">
        {s === 'contact' ? t('deals.brief.contact') : t('deals.brief.decisionMaker')}
      </Text>
      <Select
        label={t('deals.brief.person')}
        placeholder={t('deals.brief.pick')}
        data={contacts}
        value={form[`${s}Id`]}
        onChange={(v) => setForm({ ...form, [`${s}Id`]: v })}
        clearable
        searchable
      />
      {parts.map((p) => (
        <Textarea
          key={p}
          label={t(`deals.brief.${p.toLowerCase()}`)}
          aria-label={`${s === 'contact' ? t('deals.brief.contact') : t('deals.brief.decisionMaker')} ${t(`deals.brief.${p.toLowerCase()}`)}`}
          autosize
          minRows={1}
          maxRows={5}
          value={form[`${s}${p}`]}
          onChange={(e) => setForm({ ...form, [`${s}${p}`]: e.currentTarget.value })}
        />
      ))}
    </Stack>
  );

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('deals.brief.title')}
    >
      <Title order={4}>{t('deals.brief.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {customer.data && customer.data.contacts.length === 0
          ? t('deals.brief.noContacts')
          : t('deals.brief.text')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {side('contact')}
        {side('decider')}
      </SimpleGrid>
      <Textarea
        mt="md"
        label={t('deals.brief.nextStep')}
        autosize
        minRows={2}
        value={form.nextStep}
        onChange={(e) => setForm({ ...form, nextStep: e.currentTarget.value })}
      />
      <Group justify="flex-end" mt="sm">
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { id: deal.id, ...form },
              {
                onSuccess: () =>
                  notifications.show({ color: 'teal', message: t('deals.brief.saved') }),
                onError: (e) => notifications.show({ color: 'red', message: message(e) }),
              },
            )
          }
        >
          {t('deals.brief.save')}
        </Button>
      </Group>
    </Card>
  );
}
