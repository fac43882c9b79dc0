import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/contract/timeline';
import { formatMoney } from '../../components/money';

/**
 * A visit on the timeline (拜访总结): outcome (else the goal), the customer's feedback and
 * the next action, with the order and collection it brought.
 */
export function VisitEntryText({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const visit = entry.visit;
  if (!visit) return null;
  const lines: [string, string | null][] = [
    [t('calendar.summary.customerFeedback'), visit.customerFeedback],
    [t('calendar.summary.nextAction'), visit.nextAction],
  ];
  return (
    <Stack gap={4} mt={2}>
      {entry.body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {entry.body}
        </Text>
      )}
      {lines
        .filter(([, text]) => !!text)
        .map(([label, text]) => (
          <Text
            key={label}
            size="sm"
            c="dimmed"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {t('calendar.timeline.labelled', { label, text })}
          </Text>
        ))}
      {(!!visit.orderAmount || !!visit.collectionAmount) && (
        <Group gap={6}>
          {!!visit.orderAmount && (
            <Badge
              size="sm"
              variant="light"
              color="grape"
              radius="sm"
              className="tabular"
              tt="none"
            >
              {t('calendar.timeline.order', {
                amount: formatMoney(visit.orderAmount, i18n.language),
              })}
            </Badge>
          )}
          {!!visit.collectionAmount && (
            <Badge
              size="sm"
              variant="light"
              color="green"
              radius="sm"
              className="tabular"
              tt="none"
            >
              {t('calendar.timeline.collection', {
                amount: formatMoney(visit.collectionAmount, i18n.language),
              })}
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}
