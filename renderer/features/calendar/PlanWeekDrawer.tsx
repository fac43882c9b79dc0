import {
  ActionIcon,
  Badge,
  Button,
  Chip,
  Drawer,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarPlus,
  IconChecklist,
  IconClockExclamation,
  IconDots,
  IconStar,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestions } from '../../../shared/contract/visits';
import type { Milestone } from '../../../shared/domain/milestones';
import type { VisitPurpose } from '../../../shared/domain/visits';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { formatDay, localToday } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { useErrorMessage } from '../../components/errors';
import { formatMoney } from '../../components/money';
import { GradeBadge } from '../grading/GradeBadge';
import { nextFreeSlot } from './quickPlace';
import { SUGGESTION_TABLES } from './tables';
import { daysBetweenInclusive, isWeekend, userTimeZone, useNow } from './time';
import type { PlanDraft } from './VisitPlanForm';

/** One thing to schedule, whichever list it comes from. */
type Candidate = {
  key: string;
  customer: { id: string; name: string };
  purpose: VisitPurpose;
  goal: string;
  area?: string | null;
};

function keyDealPurpose(milestone: Milestone): VisitPurpose {
  // Early milestones are about learning the account; later ones about closing the order.
  return ['M1', 'M2', 'M3'].includes(milestone) ? 'info' : 'order';
}

/**
 * Plan the week: what one rep should schedule — customers overdue by their grade's visit
 * frequency, key deals with no visit ahead, follow-ups due — each placed with one click on
 * the first free hour of the chosen day, or opened in the plan form to adjust.
 */
export function PlanWeekDrawer({
  from,
  to,
  initialOwnerId,
  onClose,
  onOpenPlan,
}: {
  from: string;
  to: string;
  initialOwnerId: string;
  onClose: () => void;
  onOpenPlan: (draft: PlanDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const today = localToday();
  const now = useNow();
  const message = useErrorMessage();
  const [ownerId, setOwnerId] = useState(initialOwnerId);
  const days = daysBetweenInclusive(from, to);
  const workDays = days.filter((d) => !isWeekend(d));
  const [day, setDay] = useState(
    () => workDays.find((d) => d >= today) ?? days.find((d) => d >= today) ?? workDays[0] ?? from,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams'], {
    enabled: me.role !== 'rep',
  });
  const suggestions = useApiQuery(
    'visits.suggestions',
    { ownerId, from, to, today },
    SUGGESTION_TABLES,
    { placeholderData: (previous) => previous },
  );
  const dayLabel = formatDay(day, i18n.language);

  const draftOf = (c: Candidate): PlanDraft => ({
    day,
    start: '09:00',
    end: '10:00',
    ownerId,
    customer: c.customer,
    purpose: c.purpose,
    goal: c.goal,
  });

  const place = async (c: Candidate) => {
    setBusy(c.key);
    try {
      const slot = await nextFreeSlot(ownerId, day, now, today);
      if (!slot) {
        notifications.show({
          color: 'orange',
          message: t('calendar.suggest.dayFull', { day: dayLabel }),
        });
        onOpenPlan(draftOf(c));
        return;
      }
      const saved = await call('visits.create', {
        customerId: c.customer.id,
        ownerId,
        contactIds: [],
        day,
        ...slot,
        timeZone: userTimeZone(),
        purpose: c.purpose,
        area: c.area ?? null,
        goal: c.goal,
        allowOverlap: false,
      });
      const id = notifications.show({
        color: 'teal',
        message: (
          <Group gap="sm" justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('calendar.suggest.placed', {
                customer: saved.customerName,
                day: dayLabel,
                time: slot.start,
              })}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                notifications.hide(id);
                void call('visits.delete', { id: saved.id });
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      });
    } catch (error) {
      notifications.show({ color: 'red', message: message(error) });
    } finally {
      setBusy(null);
    }
  };

  const data = suggestions.data;
  const total = data
    ? data.overdueCustomers.length + data.keyDeals.length + data.followUps.length
    : 0;

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={440}
      title={
        <Stack gap={0}>
          <Text fw={650}>{t('calendar.suggest.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('calendar.suggest.subtitle', {
              from: formatDay(from, i18n.language),
              to: formatDay(to, i18n.language),
            })}
          </Text>
        </Stack>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {me.role !== 'rep' && (
          <Select
            label={t('calendar.fields.rep')}
            searchable
            allowDeselect={false}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={ownerId}
            onChange={(v) => v && setOwnerId(v)}
          />
        )}
        <div>
          <Text size="sm" fw={500} mb={6}>
            {t('calendar.suggest.placeOn')}
          </Text>
          <Chip.Group multiple={false} value={day} onChange={(v) => setDay(v)}>
            <Group gap={6}>
              {days.map((d) => (
                <Chip key={d} value={d} size="xs" disabled={d < today} variant="outline">
                  {formatDay(d, i18n.language)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        {suggestions.isPending ? (
          <Stack gap="xs">
            <Skeleton height={56} />
            <Skeleton height={56} />
            <Skeleton height={56} />
          </Stack>
        ) : suggestions.isError ? (
          <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
        ) : total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('calendar.suggest.empty')}
          </Text>
        ) : (
          data && (
            <SuggestionLists
              data={data}
              dayLabel={dayLabel}
              busy={busy}
              onPlace={(c) => void place(c)}
              onOpen={(c) => onOpenPlan(draftOf(c))}
            />
          )
        )}
      </Stack>
    </Drawer>
  );
}

function SuggestionLists({
  data,
  dayLabel,
  busy,
  onPlace,
  onOpen,
}: {
  data: Suggestions;
  dayLabel: string;
  busy: string | null;
  onPlace: (c: Candidate) => void;
  onOpen: (c: Candidate) => void;
}) {
  const { t, i18n } = useTranslation();
  const item = (c: Candidate, title: ReactNode, detail: ReactNode) => (
    <Paper key={c.key} withBorder radius="md" p={8} component="li">
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {title}
          {detail}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconCalendarPlus size={14} />}
            loading={busy === c.key}
            disabled={busy !== null && busy !== c.key}
            onClick={() => onPlace(c)}
            aria-label={t('calendar.suggest.placeLabel', {
              customer: c.customer.name,
              day: dayLabel,
            })}
          >
            {t('calendar.suggest.place')}
          </Button>
          <Tooltip label={t('calendar.suggest.adjust')} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('calendar.suggest.adjustLabel', { customer: c.customer.name })}
              onClick={() => onOpen(c)}
            >
              <IconDots size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
  const list = { component: 'ul' as const, style: { listStyle: 'none', margin: 0, padding: 0 } };
  return (
    <Stack gap="lg">
      {data.overdueCustomers.length > 0 && (
        <Stack gap={6}>
          <Section
            icon={<IconClockExclamation size={16} />}
            title={t('calendar.suggest.overdue')}
            count={data.overdueCustomers.length}
          />
          <Stack gap={6} {...list}>
            {data.overdueCustomers.map((o) =>
              item(
                {
                  key: `c-${o.customerId}`,
                  customer: { id: o.customerId, name: o.name },
                  purpose: 'service',
                  goal: t('calendar.suggest.goalOverdue'),
                  area: o.region,
                },
                <Group gap={6} wrap="nowrap">
                  {o.grade && <GradeBadge grade={o.grade} />}
                  <Text size="sm" fw={600} truncate>
                    {o.name}
                  </Text>
                </Group>,
                <Text size="xs" c="red">
                  {t('calendar.suggest.overdueDays', { count: o.overdueDays })}
                  {o.region ? <Text span c="dimmed" size="xs">{` · ${o.region}`}</Text> : null}
                </Text>,
              ),
            )}
          </Stack>
        </Stack>
      )}
      {data.keyDeals.length > 0 && (
        <Stack gap={6}>
          <Section
            icon={<IconStar size={16} />}
            title={t('calendar.suggest.keyDeals')}
            count={data.keyDeals.length}
          />
          <Stack gap={6} {...list}>
            {data.keyDeals.map((d) =>
              item(
                {
                  key: `d-${d.dealId}`,
                  customer: { id: d.customerId, name: d.customerName },
                  purpose: keyDealPurpose(d.milestone),
                  goal: t('calendar.suggest.goalDeal', { deal: d.title }),
                },
                <Text size="sm" fw={600} truncate>
                  {d.customerName}
                </Text>,
                <Text size="xs" c="dimmed" truncate>
                  {d.milestone} · {d.title} ·{' '}
                  <span className="tabular">{formatMoney(d.amount, i18n.language)}</span>
                </Text>,
              ),
            )}
          </Stack>
        </Stack>
      )}
      {data.followUps.length > 0 && (
        <Stack gap={6}>
          <Section
            icon={<IconChecklist size={16} />}
            title={t('calendar.suggest.followUps')}
            count={data.followUps.length}
          />
          <Stack gap={6} {...list}>
            {data.followUps.map((f) =>
              item(
                {
                  key: `f-${f.id}`,
                  customer: { id: f.customerId, name: f.customerName },
                  purpose: 'other',
                  goal: f.text,
                },
                <Text size="sm" fw={600} truncate>
                  {f.customerName}
                </Text>,
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {formatDay(f.dueOn, i18n.language)} · {f.text}
                </Text>,
              ),
            )}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

function Section({ icon, title, count }: { icon: ReactNode; title: string; count: number }) {
  return (
    <Group gap={6}>
      {icon}
      <Title order={5}>{title}</Title>
      <Badge size="sm" variant="light" color="gray" radius="sm" className="tabular">
        {count}
      </Badge>
    </Group>
  );
}
