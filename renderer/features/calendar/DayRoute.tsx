import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronLeft,
  IconChevronRight,
  IconGripVertical,
  IconMapPin,
  IconPrinter,
  IconRoute,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitDetail } from '../../../shared/contract/visits';
import { addDaysTo } from '../../../shared/domain/time';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { formatDay } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { useErrorMessage } from '../../components/errors';
import { purposeColors } from './colors';
import { VISIT_TABLES } from './tables';
import { formatTimeRange, useNow, zoneSuffix } from './time';
import { PurposeBadge, VisitStatusBadge } from './VisitBadges';

/** Prints only the route: a body class that the print stylesheet (calendar.css) keys on. */
function printRoute() {
  document.body.classList.add('pacer-printing-route');
  const done = () => {
    document.body.classList.remove('pacer-printing-route');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/**
 * One rep's day in route order (拜访路线) with areas: re-ordered by dragging (or the
 * keyboard), printed on its own for the road.
 */
export function DayRoute({
  ownerId,
  day,
  onChange,
  onOpenVisit,
}: {
  ownerId: string;
  day: string;
  onChange: (next: { ownerId: string; day: string }) => void;
  onOpenVisit?: (visit: VisitDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const now = useNow();
  const route = useApiQuery('visits.route', { ownerId, day, now }, VISIT_TABLES, {
    placeholderData: (previous) => previous,
  });
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams'], {
    enabled: me.role !== 'rep',
  });
  const reorder = useApiMutation('visits.reorder');
  const message = useErrorMessage();
  // The order shown while a reorder is on its way; the refreshed route replaces it.
  const [order, setOrder] = useState<string[] | null>(null);
  const data = route.data;
  useEffect(() => setOrder(null), [data]);
  const visits = data ?? [];
  const shown = order ? order.flatMap((id) => visits.filter((v) => v.id === id)) : visits;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const repName =
    ownerId === me.id ? me.name : (users.data?.find((u) => u.id === ownerId)?.name ?? '');

  const end = (event: DragEndEvent) => {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const ids = shown.map((v) => v.id);
    const next = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    setOrder(next);
    reorder.mutate(
      { ownerId, day, ids: next },
      {
        onError: (error) => {
          setOrder(null);
          notifications.show({ color: 'red', message: message(error) });
        },
      },
    );
  };

  return (
    <Stack
      gap="sm"
      className="pacer-print-route"
      aria-label={t('calendar.route.title')}
      component="section"
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={8} wrap="nowrap">
          <ThemeIcon variant="light" radius="xl" size="md" className="pacer-no-print">
            <IconRoute size={16} />
          </ThemeIcon>
          <div>
            <Text fw={650}>{t('calendar.route.title')}</Text>
            <Text size="xs" c="dimmed">
              {formatDay(day, i18n.language, true)}
              {repName ? ` · ${repName}` : ''}
            </Text>
          </div>
        </Group>
        <Group gap={4} wrap="nowrap" className="pacer-no-print">
          <ActionIcon
            variant="default"
            aria-label={t('calendar.route.previousDay')}
            onClick={() => onChange({ ownerId, day: addDaysTo(day, -1) })}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={t('calendar.route.nextDay')}
            onClick={() => onChange({ ownerId, day: addDaysTo(day, 1) })}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
          <Tooltip label={t('calendar.route.print')} withArrow>
            <ActionIcon
              variant="default"
              aria-label={t('calendar.route.print')}
              onClick={printRoute}
              disabled={shown.length === 0}
            >
              <IconPrinter size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {me.role !== 'rep' && (
        <Select
          className="pacer-no-print"
          aria-label={t('calendar.fields.rep')}
          size="xs"
          searchable
          allowDeselect={false}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={ownerId}
          onChange={(v) => v && onChange({ ownerId: v, day })}
        />
      )}
      {route.isPending ? (
        <Stack gap={6}>
          <Skeleton height={54} />
          <Skeleton height={54} />
        </Stack>
      ) : route.isError ? (
        <ErrorState error={route.error} onRetry={() => void route.refetch()} />
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          {t('calendar.route.empty')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed" className="pacer-no-print">
            {t('calendar.route.hint')}
          </Text>
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={end}>
            <SortableContext items={shown.map((v) => v.id)} strategy={verticalListSortingStrategy}>
              <Stack gap={6} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {shown.map((v, i) => (
                  <RouteStop key={v.id} visit={v} index={i} onOpen={onOpenVisit} />
                ))}
              </Stack>
            </SortableContext>
          </DndContext>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPrinter size={14} />}
            onClick={printRoute}
            className="pacer-no-print"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('calendar.route.print')}
          </Button>
        </>
      )}
    </Stack>
  );
}

function RouteStop({
  visit: v,
  index,
  onOpen,
}: {
  visit: VisitDetail;
  index: number;
  onOpen?: (visit: VisitDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const sortable = useSortable({ id: v.id });
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p={8}
      ref={sortable.setNodeRef}
      data-route-stop={v.id}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
        opacity: sortable.isDragging ? 0.6 : 1,
        borderLeft: `3px solid var(--mantine-color-${purposeColors[v.purpose]}-filled)`,
        breakInside: 'avoid',
      }}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          className="pacer-no-print"
          aria-label={t('calendar.route.drag', { customer: v.customerName })}
          {...sortable.attributes}
          {...sortable.listeners}
          style={{ cursor: 'grab', touchAction: 'none' }}
        >
          <IconGripVertical size={14} />
        </ActionIcon>
        <Badge circle size="lg" variant="light" color="gray" className="tabular">
          {index + 1}
        </Badge>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <UnstyledButton
            onClick={() => onOpen?.(v)}
            style={{ display: 'block', maxWidth: '100%' }}
          >
            <Text size="sm" fw={600} truncate>
              {v.customerName}
            </Text>
          </UnstyledButton>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed" className="tabular">
              {formatTimeRange(v.startAt, v.endAt, i18n.language, v.timeZone)}
              {zoneSuffix(v.timeZone, v.startAt, i18n.language)}
            </Text>
            {v.area && (
              <Group gap={2} wrap="nowrap">
                <IconMapPin size={12} color="var(--mantine-color-dimmed)" />
                <Text size="xs" c="dimmed">
                  {v.area}
                </Text>
              </Group>
            )}
          </Group>
          <Group gap={4} mt={4} wrap="wrap">
            <PurposeBadge purpose={v.purpose} />
            {v.status !== 'planned' || v.summaryDue ? (
              <VisitStatusBadge status={v.status} summaryDue={v.summaryDue} />
            ) : null}
          </Group>
          {v.goal && (
            <Text size="xs" mt={4} lineClamp={2}>
              {v.goal}
            </Text>
          )}
        </Box>
      </Group>
    </Paper>
  );
}
