import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { IconMessages, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  TIMELINE_PAGE_SIZE,
  type TimelineCursor,
  type TimelineEntry,
} from '../../../shared/contract/timeline';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { useErrorMessage } from '../../components/errors';
import { formatDay } from '../../components/dates';
import { formatDateTime } from '../../components/format';
import { DealEntryText } from './DealEntryText';
import { VisitEntryText } from './VisitEntryText';
import { categoryColors, isRecordKind, kindColors, kindIcons } from './kinds';
import { LogActivityForm } from './LogActivityForm';

/** What the timeline reads: a change to any of these refreshes it by itself. */
const TIMELINE_TABLES = [
  'activities',
  'customers',
  'contacts',
  'users',
  'deals',
  'stage_history',
  'collections',
  'visits',
] as const;

/**
 * The customer's communication history, newest first, fifty at a time ("load more"
 * walks on from the last entry shown), with the "add" form on top.
 */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  // The customer page has loaded this already (same query key): status and contacts for the form.
  const customer = useApiQuery('customers.get', { id: customerId }, [
    'customers',
    'contacts',
    'users',
    'teams',
  ]);
  const timeline = useInfiniteQuery({
    queryKey: ['timeline.list', { customerId }],
    queryFn: ({ pageParam }) =>
      call('timeline.list', {
        customerId,
        limit: TIMELINE_PAGE_SIZE,
        ...(pageParam ? { before: pageParam } : {}),
      }),
    initialPageParam: null as TimelineCursor | null,
    getNextPageParam: (last) => last.next,
    meta: { tables: TIMELINE_TABLES },
  });
  const entries = timeline.data?.pages.flatMap((p) => p.entries) ?? [];
  const total = timeline.data?.pages[0]?.total;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('timeline.title')}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('timeline.title')}</Title>
        {total !== undefined && total > 0 && (
          <Text size="sm" c="dimmed" className="tabular">
            {t('timeline.count', { count: total })}
          </Text>
        )}
      </Group>
      {customer.data && (
        <LogActivityForm
          key={`${customer.data.id}-${customer.data.status}`}
          customer={customer.data}
        />
      )}
      <Divider my="md" />
      {timeline.isPending ? (
        <Stack gap="md">
          {[0, 1, 2].map((i) => (
            <Group key={i} gap="sm" wrap="nowrap" align="flex-start">
              <Skeleton height={24} circle />
              <Stack gap={6} style={{ flex: 1 }}>
                <Skeleton height={12} width="40%" />
                <Skeleton height={12} />
              </Stack>
            </Group>
          ))}
        </Stack>
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <Stack align="center" gap={6} py="lg" ta="center">
          <ThemeIcon size={44} radius="xl" variant="light">
            <IconMessages size={22} />
          </ThemeIcon>
          <Text fw={600}>{t('timeline.emptyTitle')}</Text>
          <Text size="sm" c="dimmed" maw={360}>
            {t('timeline.emptyText')}
          </Text>
        </Stack>
      ) : (
        <>
          <Timeline
            bulletSize={28}
            lineWidth={2}
            aria-label={t('timeline.title')}
            styles={{ itemBullet: { border: 0, background: 'transparent' } }}
          >
            {entries.map((entry) => (
              <EntryItem key={entry.id} entry={entry} />
            ))}
          </Timeline>
          {timeline.hasNextPage && (
            <Group justify="center" mt="md">
              <Button
                variant="default"
                size="xs"
                loading={timeline.isFetchingNextPage}
                onClick={() => void timeline.fetchNextPage()}
              >
                {t('timeline.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Card>
  );
}

function EntryItem({ entry, ...rest }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const confirmDelete = useDeleteEntry();
  const KindIcon = kindIcons[entry.kind];
  const system = isRecordKind(entry.kind);
  const dealEntry = entry.kind === 'deal_move' || entry.kind === 'collection';
  const visit = entry.kind === 'visit' ? entry.visit : undefined;
  return (
    <Timeline.Item
      {...rest}
      bullet={
        <ThemeIcon
          size={28}
          radius="xl"
          variant={system ? 'default' : 'light'}
          color={kindColors[entry.kind]}
        >
          <KindIcon size={15} />
        </ThemeIcon>
      }
      lineVariant={system ? 'dashed' : 'solid'}
      title={
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {visit
              ? t('calendar.timeline.visit', { purpose: t(`visitPurpose.${visit.purpose}`) })
              : t(`timeline.kinds.${entry.kind}`)}
          </Text>
          {visit && <VisitBadges visit={visit} />}
          {entry.move?.forced && (
            <Badge size="xs" variant="light" color="orange" radius="sm">
              {t('timeline.deal.forced')}
            </Badge>
          )}
          {system ? (
            <Badge size="xs" variant="outline" color="gray" radius="sm">
              {t('timeline.system')}
            </Badge>
          ) : (
            entry.category && (
              <Badge size="xs" variant="light" color={categoryColors[entry.category]} radius="sm">
                {t(`timeline.categories.${entry.category}`)}
              </Badge>
            )
          )}
          {entry.contactName && (
            <Text size="xs" c="dimmed">
              {t('timeline.with', { name: entry.contactName })}
            </Text>
          )}
        </Group>
      }
    >
      {visit ? (
        <VisitEntryText entry={entry} />
      ) : dealEntry ? (
        <DealEntryText entry={entry} />
      ) : (
        <Text
          size="sm"
          c={system ? 'dimmed' : undefined}
          fs={system ? 'italic' : undefined}
          mt={2}
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {entry.body}
        </Text>
      )}
      <Group gap={6} mt={4} wrap="nowrap">
        <Text size="xs" c="dimmed" className="tabular">
          {entry.userName ? `${entry.userName} · ` : ''}
          {/* A collection is dated by its day; its `at` is only a place in the order. */}
          {entry.kind === 'collection'
            ? formatDay(entry.at.slice(0, 10), i18n.language, true)
            : visit
              ? visitWhen(visit, i18n.language)
              : formatDateTime(entry.at, i18n.language)}
        </Text>
        {entry.deletable && (
          <Tooltip label={t('timeline.deleteLabel')} withArrow>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('timeline.deleteLabel')}
              onClick={() => confirmDelete(entry)}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Timeline.Item>
  );
}

type VisitOnTimeline = NonNullable<TimelineEntry['visit']>;

/** The visit's day and its actual times (else the planned ones), in the rep's zone. */
function visitWhen(visit: VisitOnTimeline, language: string): string {
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(language, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: visit.timeZone,
    });
  const start = visit.actualStartAt ?? visit.startAt;
  const end = visit.actualEndAt ?? visit.endAt;
  return `${formatDay(visit.day, language, true)} ${time(start)}–${time(end)}`;
}

/** Status (done / cancelled / missed), effective, and "unplanned" for a logged visit. */
function VisitBadges({ visit }: { visit: VisitOnTimeline }) {
  const { t } = useTranslation();
  const color = { done: 'teal', cancelled: 'gray', missed: 'red' }[visit.status];
  return (
    <>
      <Badge size="xs" variant="light" color={color} radius="sm">
        {t(`visitStatus.${visit.status}`)}
      </Badge>
      {visit.effective !== null && (
        <Badge size="xs" variant="dot" color={visit.effective ? 'teal' : 'gray'} radius="sm">
          {visit.effective ? t('calendar.markers.effective') : t('calendar.markers.notEffective')}
        </Badge>
      )}
      {!visit.planned && (
        <Badge size="xs" variant="outline" color="gray" radius="sm">
          {t('calendar.timeline.unplanned')}
        </Badge>
      )}
    </>
  );
}

/** Confirm, then soft-delete one of my own entries. */
function useDeleteEntry(): (entry: TimelineEntry) => void {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (entry) =>
    modals.openConfirmModal({
      title: t('timeline.deleteConfirmTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm" lineClamp={3} c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {entry.body}
          </Text>
          <Text size="sm">{t('timeline.deleteConfirmText')}</Text>
        </Stack>
      ),
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('timeline.delete', { id: entry.id });
          notifications.show({ color: 'teal', message: t('timeline.deleted_toast') });
        } catch (error) {
          notifications.show({ color: 'red', message: message(error) });
        }
      },
    });
}
