import {
  Alert,
  Badge,
  Paper,
  Radio,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateChoice, ImportIssue, ImportPreview } from '../../../shared/contract/imports';

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} className="tabular" lh={1.3}>
        {value.toLocaleString(i18n.language)}
      </Text>
    </Paper>
  );
}

/** A row problem's message; a field named in the params is shown by its label. */
export function useIssueText(): (issue: {
  key: string;
  params: Record<string, string | number>;
}) => string {
  const { t } = useTranslation();
  return ({ key, params }) => {
    const field =
      typeof params.field === 'string' ? t(`imports.fields.${params.field}`) : undefined;
    return t(key, { ...params, ...(field ? { field } : {}) });
  };
}

function IssueRow({ issue }: { issue: ImportIssue }) {
  const { t } = useTranslation();
  const text = useIssueText();
  return (
    <Table.Tr>
      <Table.Td className="tabular">{issue.row}</Table.Td>
      <Table.Td>{issue.field ? t(`imports.fields.${issue.field}`) : t('common.none')}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={issue.kind === 'error' ? 'red' : 'blue'} mr={8}>
          {issue.kind === 'error'
            ? t('imports.preview.errorBadge')
            : t('imports.preview.existingBadge')}
        </Badge>
        <Text span size="sm">
          {text(issue)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Step 3: what will happen: counts, the rows with problems, and what to do with customers that exist. */
export function PreviewStep({
  preview,
  onDuplicate,
  setOnDuplicate,
}: {
  preview: ImportPreview;
  onDuplicate: DuplicateChoice;
  setOnDuplicate: (choice: DuplicateChoice) => void;
}) {
  const { t } = useTranslation();
  const text = useIssueText();
  const { counts } = preview;
  let notice: ReactNode = null;
  if (preview.mappingIssues.length > 0) {
    notice = (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
        {preview.mappingIssues.map((issue) => text(issue)).join(' ')}
      </Alert>
    );
  } else if (counts.valid === 0) {
    notice = (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
        {t('imports.preview.nothing')}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('imports.preview.rows')} value={counts.rows} />
        <Stat label={t('imports.preview.valid')} value={counts.valid} color="teal" />
        <Stat
          label={t('imports.preview.invalid')}
          value={counts.invalid}
          color={counts.invalid > 0 ? 'red' : undefined}
        />
        <Stat
          label={t('imports.preview.existing')}
          value={counts.existing}
          color={counts.existing > 0 ? 'blue' : undefined}
        />
      </SimpleGrid>
      {notice}

      {counts.existing > 0 && (
        <Radio.Group
          label={t('imports.preview.duplicates')}
          description={t('imports.preview.duplicatesHelp')}
          value={onDuplicate}
          onChange={(value) => setOnDuplicate(value === 'update' ? 'update' : 'skip')}
        >
          <Stack gap={6} mt={8}>
            <Radio value="skip" label={t('imports.preview.skip')} />
            <Radio value="update" label={t('imports.preview.update')} />
          </Stack>
        </Radio.Group>
      )}

      <Stack gap={6}>
        <Title order={5}>{t('imports.preview.problems')}</Title>
        {preview.issues.length === 0 ? (
          <Text size="sm" c="dimmed">
            <IconCircleCheck
              size={16}
              style={{
                verticalAlign: 'text-bottom',
                marginRight: 6,
                color: 'var(--mantine-color-teal-6)',
              }}
            />
            {t('imports.preview.noProblems')}
          </Text>
        ) : (
          <>
            <ScrollArea.Autosize mah="34vh" type="auto" offsetScrollbars>
              <Table verticalSpacing={6} stickyHeader aria-label={t('imports.preview.problems')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={72}>{t('imports.preview.row')}</Table.Th>
                    <Table.Th w={170}>{t('imports.preview.field')}</Table.Th>
                    <Table.Th>{t('imports.preview.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.issues.map((issue, i) => (
                    <IssueRow key={`${issue.row}-${issue.field ?? ''}-${i}`} issue={issue} />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            <Text size="xs" c="dimmed">
              {counts.issues > preview.issues.length
                ? t('imports.preview.moreProblems', {
                    shown: preview.issues.length,
                    total: counts.issues,
                  })
                : counts.invalid > 0
                  ? t('imports.preview.invalidNote', { count: counts.invalid })
                  : null}
            </Text>
          </>
        )}
      </Stack>
    </Stack>
  );
}
