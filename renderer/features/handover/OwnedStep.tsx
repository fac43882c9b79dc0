import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HandoverPreview } from '../../../shared/contract/handover';
import { useBucketLabels } from './labels';

/** Step 2: what the leaving rep owns, a count per part, and their customers by region and by grade. */
export function OwnedStep({ preview }: { preview: HandoverPreview }) {
  const { t, i18n } = useTranslation();
  const { regionLabel, gradeLabel } = useBucketLabels();
  const number = (n: number) => n.toLocaleString(i18n.language);
  const name = preview.user.name;
  const owns = preview.parts.some((p) => p.count > 0);
  return (
    <Stack gap="md">
      <Title order={4}>{t('handover.ownedTitle', { name })}</Title>
      <SimpleGrid cols={{ base: 1, xs: preview.parts.length }}>
        {preview.parts.map((p) => (
          <Card key={p.part} withBorder radius="md" padding="sm">
            <Text size="sm" c="dimmed">
              {t(`handover.parts.${p.part}`)}
            </Text>
            <Text fz={28} fw={700} className="tabular">
              {number(p.count)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {!owns && (
        <Alert variant="light" icon={<IconInfoCircle />}>
          {t('handover.nothingOwned', { name })}
        </Alert>
      )}
      {preview.byRegion.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Breakdown
            title={t('handover.byRegion')}
            column={t('handover.region')}
            rows={preview.byRegion.map((r) => ({
              key: r.region,
              label: regionLabel(r.region),
              n: r.customers,
            }))}
          />
          <Breakdown
            title={t('handover.byGrade')}
            column={t('handover.grade')}
            rows={preview.byGrade.map((g) => ({
              key: g.grade,
              label: gradeLabel(g.grade),
              n: g.customers,
            }))}
          />
        </SimpleGrid>
      )}
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconInfoCircle
          size={16}
          color="var(--mantine-color-dimmed)"
          style={{ flex: 'none', marginTop: 2 }}
        />
        <Text size="sm" c="dimmed">
          {t('handover.creditNote', { name })}
        </Text>
      </Group>
    </Stack>
  );
}

function Breakdown({
  title,
  column,
  rows,
}: {
  title: string;
  column: string;
  rows: { key: string; label: string; n: number }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder radius="md" padding={0}>
      <Table aria-label={title} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{column}</Table.Th>
            <Table.Th ta="right">{t('handover.customers')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right" className="tabular">
                {r.n.toLocaleString(i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
