import { Card, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HandoverPreview } from '../../../shared/contract/handover';
import type { User } from '../../../shared/contract/team';
import {
  handoverModes,
  type HandoverGrade,
  type HandoverMode,
} from '../../../shared/domain/handover';
import { colleagueOptions, type Assignment } from './assignment';
import { useBucketLabels } from './labels';

type Row = { key: string; label: string; customers: number; value: string | undefined };

/** Step 3: everything to one colleague, or a colleague per region or per grade (the rest to the default). */
export function AssignStep({
  preview,
  receivers,
  value,
  onChange,
}: {
  preview: HandoverPreview;
  receivers: User[];
  value: Assignment;
  onChange: (next: Assignment) => void;
}) {
  const { t, i18n } = useTranslation();
  const { regionLabel, gradeLabel } = useBucketLabels();
  const options = colleagueOptions(receivers, t('common.none'));
  const defaultName = receivers.find((u) => u.id === value.defaultTo)?.name;
  const split = value.mode !== 'all';
  const rows: Row[] =
    value.mode === 'region'
      ? preview.byRegion.map((r) => ({
          key: r.region,
          label: regionLabel(r.region),
          customers: r.customers,
          value: value.byRegion[r.region],
        }))
      : preview.byGrade.map((g) => ({
          key: g.grade,
          label: gradeLabel(g.grade),
          customers: g.customers,
          value: value.byGrade[g.grade],
        }));

  const assign = (key: string, userId: string | null) => {
    if (value.mode === 'region') {
      const byRegion = { ...value.byRegion };
      if (userId) byRegion[key] = userId;
      else delete byRegion[key];
      onChange({ ...value, byRegion });
    } else {
      const byGrade = { ...value.byGrade };
      if (userId) byGrade[key as HandoverGrade] = userId;
      else delete byGrade[key as HandoverGrade];
      onChange({ ...value, byGrade });
    }
  };

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="sm" fw={500} id="handover-mode-label">
          {t('handover.mode.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="handover-mode-label"
          data={handoverModes.map((mode) => ({ value: mode, label: t(`handover.mode.${mode}`) }))}
          value={value.mode}
          onChange={(mode) => onChange({ ...value, mode: mode as HandoverMode })}
          fullWidth
        />
      </Stack>
      <Select
        label={split ? t('handover.defaultReceiver') : t('handover.receiver')}
        description={split ? t('handover.defaultHint') : undefined}
        placeholder={t('handover.receiverPlaceholder')}
        data={options}
        value={value.defaultTo}
        onChange={(id) => onChange({ ...value, defaultTo: id })}
        searchable
        allowDeselect={false}
        withAsterisk
      />
      {split && rows.length > 0 && (
        <Card withBorder radius="md" padding={0}>
          <Table
            aria-label={value.mode === 'region' ? t('handover.byRegion') : t('handover.byGrade')}
            verticalSpacing={6}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  {value.mode === 'region' ? t('handover.region') : t('handover.grade')}
                </Table.Th>
                <Table.Th ta="right" w={90}>
                  {t('handover.customers')}
                </Table.Th>
                <Table.Th w={240}>{t('handover.colleague')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {row.customers.toLocaleString(i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`${t('handover.colleague')} ${row.label}`}
                      placeholder={
                        defaultName
                          ? t('handover.defaultOf', { name: defaultName })
                          : t('handover.receiverPlaceholder')
                      }
                      data={options}
                      value={row.value ?? null}
                      onChange={(id) => assign(row.key, id)}
                      searchable
                      clearable
                      size="xs"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
