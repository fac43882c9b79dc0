import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { calendarDayKinds } from '../../../shared/contract/targets';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { LocalizedDates } from '../../components/LocalizedDates';
import { useErrorMessage } from '../../components/errors';
import { formatDay } from '../../components/dates';

type Kind = (typeof calendarDayKinds)[number];

/** The working-day calendar's exceptions for a year: list, add, remove, paste an import. */
export function WorkingCalendar({
  opened,
  onClose,
  year,
  canEdit,
}: {
  opened: boolean;
  onClose: () => void;
  year: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('targets.calendar.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('targets.calendar.subtitle')}
        </Text>
        <Tabs defaultValue="list">
          <Tabs.List>
            <Tabs.Tab value="list">{t('targets.calendar.title')}</Tabs.Tab>
            {canEdit && <Tabs.Tab value="import">{t('targets.calendar.import.title')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="list" pt="sm">
            <DayList year={year} canEdit={canEdit} />
          </Tabs.Panel>
          {canEdit && (
            <Tabs.Panel value="import" pt="sm">
              <ImportDays />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
    </Modal>
  );
}

function DayList({ year, canEdit }: { year: number; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const days = useApiQuery('calendar.days', { year }, ['calendar_days']);
  const setDay = useApiMutation('calendar.setDay');
  const removeDay = useApiMutation('calendar.removeDay');
  const [day, setDayValue] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  const fail = (e: unknown) => notifications.show({ message: message(e), color: 'red' });
  const add = () => {
    if (!day) return;
    setDay.mutate(
      { day, kind, name: name.trim() || null },
      {
        onSuccess: () => {
          setDayValue(null);
          setName('');
          notifications.show({ message: t('targetsui.addedDay'), color: 'teal' });
        },
        onError: fail,
      },
    );
  };
  if (days.isError) return <ErrorState error={days.error} onRetry={() => void days.refetch()} />;
  const rows = days.data ?? [];
  return (
    <Stack gap="sm">
      {canEdit && (
        <LocalizedDates>
          <Group align="flex-end" gap="xs">
            <DatePickerInput
              label={t('targets.calendar.day')}
              value={day}
              onChange={setDayValue}
              w={170}
              clearable
            />
            <Select
              label={t('targets.calendar.kind')}
              data={calendarDayKinds.map((k) => ({
                value: k,
                label: t(`targets.calendar.kinds.${k}`),
              }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
              allowDeselect={false}
              w={170}
            />
            <TextInput
              label={t('targets.calendar.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={60}
              w={180}
            />
            <Button onClick={add} disabled={!day} loading={setDay.isPending}>
              {t('targets.calendar.add')}
            </Button>
          </Group>
        </LocalizedDates>
      )}
      {rows.length === 0 && !days.isPending ? (
        <Alert variant="light" color="blue">
          {t('targetsui.calendarEmpty', { year })} {t('targets.calendar.noBuiltIns')}
        </Alert>
      ) : (
        <Table aria-label={t('targets.calendar.title')} verticalSpacing={4} striped="even">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('targets.calendar.day')}</Table.Th>
              <Table.Th>{t('targets.calendar.kind')}</Table.Th>
              <Table.Th>{t('targets.calendar.name')}</Table.Th>
              {canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDay(d.day, i18n.language, true)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={d.kind === 'holiday' ? 'red' : 'blue'}>
                    {t(`targets.calendar.kinds.${d.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.name ?? ''}</Table.Td>
                {canEdit && (
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('targets.calendar.remove')} ${d.day}`}
                      onClick={() => removeDay.mutate({ day: d.day }, { onError: fail })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

type ImportResult = Output<'calendar.importDays'>;

function ImportDays() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const run = useApiMutation('calendar.importDays');
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const go = (dryRun: boolean) =>
    run.mutate(
      { text, dryRun },
      {
        onSuccess: setResult,
        onError: (e) => notifications.show({ message: message(e), color: 'red' }),
      },
    );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('targets.calendar.import.help')}
      </Text>
      <Textarea
        aria-label={t('targets.calendar.import.title')}
        placeholder={t('targets.calendar.import.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setResult(null);
        }}
        autosize
        minRows={6}
        maxRows={14}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={() => go(true)}
          disabled={!text.trim()}
          loading={run.isPending}
        >
          {t('targets.calendar.import.check')}
        </Button>
        <Button onClick={() => go(false)} disabled={!text.trim()} loading={run.isPending}>
          {t('targets.calendar.import.submit')}
        </Button>
      </Group>
      {result &&
        (result.errors.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            title={t('targets.calendar.import.failed', { count: result.errors.length })}
          >
            <List size="sm" spacing={2}>
              {result.errors.map((e) => (
                <List.Item key={`${e.line}-${e.key}`}>
                  <Text span fw={600} size="sm">
                    {t('targets.calendar.import.line', { line: e.line })}
                  </Text>{' '}
                  <Text span size="sm" ff="monospace">
                    {e.text}
                  </Text>{' '}
                  — {t(e.key, { ...(e.params ?? {}), defaultValue: e.message })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Alert
            color={result.written ? 'teal' : 'blue'}
            variant="light"
            title={t('targetsui.importResult')}
          >
            {t('targets.calendar.import.summary', {
              added: result.added,
              updated: result.updated,
              unchanged: result.unchanged,
            })}
          </Alert>
        ))}
    </Stack>
  );
}
