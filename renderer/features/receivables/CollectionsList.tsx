import { ActionIcon, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CollectionView, DealReceivables } from '../../../shared/contract/receivables';
import { call } from '../../api/client';
import { formatDay } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';
import { formatMoney } from '../../components/money';

/** The deal's collections, latest first, each deletable after a confirmation. */
export function CollectionsList({ data }: { data: DealReceivables }) {
  const { t, i18n } = useTranslation();
  const confirmDelete = useDeleteCollection();
  const all = data.receivables
    .flatMap((r) => r.collections)
    .sort((a, b) =>
      a.collectedOn !== b.collectedOn
        ? b.collectedOn.localeCompare(a.collectedOn)
        : b.id.localeCompare(a.id),
    );
  return (
    <Stack gap={6} component="section" aria-label={t('receivables.collections')}>
      <Title order={5}>{t('receivables.collections')}</Title>
      {all.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('receivables.noCollections')}
        </Text>
      ) : (
        all.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={8}>
                <Text size="sm" fw={600} className="tabular">
                  {formatMoney(c.amount, i18n.language)}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDay(c.collectedOn, i18n.language, true)}
                </Text>
                {c.byName && (
                  <Text size="xs" c="dimmed">
                    {t('receivables.by', { name: c.byName })}
                  </Text>
                )}
              </Group>
              {c.note && (
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {c.note}
                </Text>
              )}
            </Stack>
            <Tooltip label={t('receivables.deleteLabel')} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('receivables.deleteLabel')}
                onClick={() => confirmDelete(c)}
              >
                <IconTrash size={15} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))
      )}
    </Stack>
  );
}

/** Confirm, then soft-delete a collection recorded by mistake. */
function useDeleteCollection(): (c: CollectionView) => void {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  return (c) =>
    modals.openConfirmModal({
      title: t('receivables.deleteConfirmTitle'),
      children: (
        <Text size="sm">
          {t('receivables.deleteConfirmText', {
            amount: formatMoney(c.amount, i18n.language),
            date: formatDay(c.collectedOn, i18n.language, true),
          })}
        </Text>
      ),
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('collections.delete', { id: c.id });
          notifications.show({ color: 'teal', message: t('receivables.deleted_toast') });
        } catch (error) {
          notifications.show({ color: 'red', message: message(error) });
        }
      },
    });
}
