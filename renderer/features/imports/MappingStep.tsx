import { Alert, Badge, Group, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  importFields,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/contract/imports';

const IGNORE = 'ignore';

/**
 * Step 2: each column of the file → a field, the guess preselected. Giving a field to a
 * column takes it from any other column, so no field is ever chosen twice.
 */
export function MappingStep({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: IGNORE, label: t('imports.mapping.ignore') },
    ...importFields.map((f) => ({ value: f, label: t(`imports.fields.${f}`) })),
  ];
  const choose = (column: number, value: string | null) => {
    const field = value && value !== IGNORE ? (value as ImportField) : null;
    onChange(
      mapping.map((current, i) =>
        i === column ? field : field !== null && current === field ? null : current,
      ),
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('imports.mapping.intro', { row: preview.headerRow, sheet: preview.sheetName })}
      </Text>
      <ScrollArea.Autosize mah="48vh" type="auto" offsetScrollbars>
        <Table verticalSpacing={6} aria-label={t('imports.steps.mapping')} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="32%">{t('imports.mapping.column')}</Table.Th>
              <Table.Th>{t('imports.mapping.samples')}</Table.Th>
              <Table.Th w={240}>{t('imports.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.columns.map((column, i) => {
              const header = column.header || t('imports.mapping.emptyHeader');
              return (
                <Table.Tr key={column.letter} style={{ opacity: mapping[i] ? 1 : 0.72 }}>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <Badge variant="default" radius="sm" miw={30} style={{ flexShrink: 0 }}>
                        {column.letter}
                      </Badge>
                      <Text size="sm" fw={550} truncate="end" title={header}>
                        {header}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td maw={0}>
                    <Text size="xs" c="dimmed" truncate="end" title={column.samples.join(' · ')}>
                      {column.samples.join(' · ') || t('common.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('imports.mapping.field')}: ${header}`}
                      data={options}
                      value={mapping[i] ?? IGNORE}
                      onChange={(value) => choose(i, value)}
                      allowDeselect={false}
                      searchable
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {!mapping.includes('name') && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle />} py="xs">
          {t('imports.mapping.nameMissing')}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('imports.mapping.contactHint')}
      </Text>
    </Stack>
  );
}
