import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconLayoutKanban,
  IconStar,
  IconStarFilled,
  IconTrophy,
  IconX,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DealDetail } from '../../../shared/contract/deals';
import {
  milestoneIndex,
  milestoneProbability,
  milestones,
} from '../../../shared/domain/milestones';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { EditDeleteButtons } from '../../components/buttons';
import { DetailCrumbs, DetailQueryState } from '../../components/DetailPage';
import { formatDay, localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';
import { formatDate } from '../../components/format';
import { DealReceivables } from '../receivables/DealReceivables';
import { CalibrationText, ScoreFlags, cardFlags } from '../scores/ScoreFlags';
import { CustomerVisits } from '../calendar/CustomerVisits';
import { ScorePanel } from '../scores/ScorePanel';
import { BriefEditor } from './BriefEditor';
import { ChecklistPanel } from './ChecklistPanel';
import { columnColor, columnTitle, dealColumn } from './columns';
import { DealFormModal } from './DealFormModal';
import { HistoryTimeline } from './HistoryTimeline';
import { LinesEditor } from './LinesEditor';
import { formatMoney } from '../../components/money';
import { dealTables } from './tables';
import { useDeleteDeal } from './useDeleteDeal';
import { useMoveFlow } from './useMoveFlow';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** Next milestone / Won / Lost / Back, through the same dialogs as the board. */
function MoveButtons({
  deal,
  request,
}: {
  deal: DealDetail;
  request: ReturnType<typeof useMoveFlow>['request'];
}) {
  const { t } = useTranslation();
  const i = milestoneIndex(deal.milestone);
  const next = milestones[i + 1];
  const prev = milestones[i - 1];
  if (deal.status !== 'open') {
    return (
      <Button
        variant="default"
        leftSection={<IconArrowBackUp size={16} />}
        onClick={() => request(deal, deal.status === 'won' ? 'M5' : deal.milestone)}
      >
        {t('deals.move.reopen')}
      </Button>
    );
  }
  return (
    <Group gap="xs">
      {prev && (
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={16} />}
          onClick={() => request(deal, prev)}
        >
          {t('deals.move.back')}
        </Button>
      )}
      {next && next !== 'M6' && (
        <Button rightSection={<IconArrowRight size={16} />} onClick={() => request(deal, next)}>
          {t('deals.move.next')}
        </Button>
      )}
      {deal.milestone === 'M5' && (
        <Button
          color="teal"
          leftSection={<IconTrophy size={16} />}
          onClick={() => request(deal, 'M6')}
        >
          {t('deals.move.won')}
        </Button>
      )}
      <Button
        variant="light"
        color="red"
        leftSection={<IconX size={16} />}
        onClick={() => request(deal, 'lost')}
      >
        {t('deals.move.lost')}
      </Button>
    </Group>
  );
}

/** One deal: header, fields, product lines, checklist, stage history and the key opportunity brief. */
export function DealPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const deal = useApiQuery('deals.get', { id, today: localToday() }, dealTables);
  const setKey = useApiMutation('deals.setKey');
  const move = useMoveFlow();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteDeal(() => void navigate('/deals'));

  const crumbs = <DetailCrumbs to="/deals" list={t('deals.title')} current={deal.data?.title} />;
  if (!deal.data) {
    return (
      <DetailQueryState
        query={deal}
        crumbs={crumbs}
        icon={<IconLayoutKanban />}
        notFound={t('deals.notFound')}
        backTo="/deals"
      />
    );
  }
  const d = deal.data;
  const column = dealColumn(d);
  return (
    <Stack gap="lg">
      {crumbs}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2}>{d.title}</Title>
            <Tooltip label={d.isKey ? t('deals.page.unmarkKey') : t('deals.page.markKey')}>
              <ActionIcon
                variant="subtle"
                color="yellow"
                size="lg"
                aria-label={d.isKey ? t('deals.page.unmarkKey') : t('deals.page.markKey')}
                aria-pressed={d.isKey}
                loading={setKey.isPending}
                onClick={() =>
                  setKey.mutate(
                    { id: d.id, isKey: !d.isKey },
                    { onError: (e) => notifications.show({ color: 'red', message: message(e) }) },
                  )
                }
              >
                {d.isKey ? <IconStarFilled size={20} /> : <IconStar size={20} />}
              </ActionIcon>
            </Tooltip>
          </Group>
          <Group gap="xs">
            <Anchor component={Link} to={`/customers/${d.customerId}`} size="sm">
              {d.customerName}
            </Anchor>
            <Text size="sm" c="dimmed">
              · {d.ownerName ?? t('common.none')}
            </Text>
          </Group>
          <Group gap="xs">
            <Badge color={columnColor[column]} variant="light" size="lg">
              {columnTitle(t, column)}
            </Badge>
            <Badge
              color={d.status === 'open' ? 'blue' : d.status === 'won' ? 'teal' : 'red'}
              variant="outline"
            >
              {t(`dealStatus.${d.status}`)}
            </Badge>
            {d.stalled && (
              <Badge color="orange" variant="light">
                {t('deals.card.stalled')}
              </Badge>
            )}
            {d.closeOverdue && (
              <Badge color="red" variant="light">
                {t('deals.card.overdue')}
              </Badge>
            )}
            <ScoreFlags deal={cardFlags(d)} size="md" />
          </Group>
        </Stack>
        <Stack gap="xs" align="flex-end">
          <Group gap="lg">
            <Stack gap={0} align="flex-end">
              <Text size="xs" c="dimmed">
                {t('deals.fields.amount')}
              </Text>
              <Text fw={700} size="xl">
                {formatMoney(d.amount, i18n.language)}
              </Text>
            </Stack>
            <Stack gap={0} align="flex-end">
              <Text size="xs" c="dimmed">
                {t('deals.fields.weighted')} (
                {d.status === 'lost' ? 0 : milestoneProbability[d.milestone]}%)
              </Text>
              <Text fw={700} size="xl" c="dimmed">
                {formatMoney(d.weighted, i18n.language)}
              </Text>
            </Stack>
            {d.status === 'open' && (
              <Stack gap={0} align="flex-end">
                <Text size="xs" c="dimmed">
                  {t('scorecards.calibration.label')}
                </Text>
                <CalibrationText probability={d.probability} total={d.scoreTotal} size="xl" />
              </Stack>
            )}
          </Group>
          <EditDeleteButtons onEdit={() => setEditing(true)} onDelete={() => remove(d)} />
        </Stack>
      </Group>
      <MoveButtons deal={d} request={move.request} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Stack gap="lg">
          <Card
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-label={t('deals.page.fields')}
          >
            <Title order={4} mb="sm">
              {t('deals.page.fields')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Field label={t('deals.fields.expectedClose')}>
                {formatDay(d.expectedCloseOn, i18n.language, true)}
              </Field>
              <Field label={t('deals.fields.milestone')}>
                {d.status === 'open'
                  ? t('deals.card.daysInStage', { count: d.daysInStage })
                  : d.closedOn
                    ? t('deals.page.closed', { day: formatDay(d.closedOn, i18n.language, true) })
                    : ''}
              </Field>
              <Field label={t('deals.fields.nextStep')}>{d.nextStep ?? t('common.none')}</Field>
              <Field label={t('deals.fields.created')}>
                {formatDate(d.createdAt, i18n.language)}
              </Field>
              {d.lostReason && <Field label={t('deals.fields.lostReason')}>{d.lostReason}</Field>}
            </SimpleGrid>
          </Card>
          <DealReceivables dealId={d.id} />
          <LinesEditor deal={d} />
          <BriefEditor deal={d} />
          <CustomerVisits
            customer={{ id: d.customerId, name: d.customerName }}
            ownerId={d.ownerId}
          />
        </Stack>
        <Stack gap="lg">
          <ScorePanel deal={d} />
          <ChecklistPanel deal={d} />
          <HistoryTimeline deal={d} />
        </Stack>
      </SimpleGrid>
      {move.modal}
      {editing && <DealFormModal deal={d} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
