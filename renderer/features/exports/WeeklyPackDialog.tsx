import { Button, Group, Input, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackScope } from '../../../shared/contract/exports';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { localToday } from '../../components/dates';
import { WeekNav } from '../weekly/WeekNav';
import { ExportStatus } from './ExportStatus';
import { defaultPackWeek } from './helpers';
import { useExport } from './useExport';

type Language = 'zh-CN' | 'en';

const scopeValue = (scope: PackScope) => (scope.type === 'company' ? 'company' : scope.id);

/**
 * The weekly meeting pack 周会资料 (domain.md §8): week, scope and language, then one
 * workbook. The scope offers the company and the teams the user may read (docs/data-scope.md);
 * it starts from the user's team. Errors leave the choices as they
 * were, so "close it in Excel and retry" is one click.
 */
export function WeeklyPackDialog({
  onClose,
  initial,
}: {
  onClose: () => void;
  /** The week and team the opening screen shows, when it shows one. */
  initial?: { week?: string | undefined; teamId?: string | undefined };
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const today = localToday();
  const fallback = defaultPackWeek(today);
  const [week, setWeek] = useState(initial?.week ?? fallback.week);
  const teamId = initial?.teamId ?? me.teamId ?? null;
  const [scope, setScope] = useState<PackScope>(
    teamId ? { type: 'team', id: teamId } : { type: 'company' },
  );
  const [language, setLanguage] = useState<Language>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en');
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const visible = useApiQuery('team.visibility', {}, ['teams', 'users']).data;
  const seen = visible?.teamIds ? new Set(visible.teamIds) : null;
  const { state, run } = useExport('exports.weeklyPack');
  const running = state.status === 'running';
  const saved = state.status === 'saved';
  const exportPack = () => run({ week, scope, language, today });

  const scopes = [
    ...(visible?.company ? [{ value: 'company', label: t('exports.pack.company') }] : []),
    {
      group: t('exports.pack.teams'),
      items: [...(teams.data ?? [])]
        .filter((team) => visible && (seen === null || seen.has(team.id)))
        .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
        .map((team) => ({ value: team.id, label: team.name })),
    },
  ];

  return (
    <Modal
      opened
      onClose={() => !running && onClose()}
      size={540}
      title={<Text fw={650}>{t('exports.pack.title')}</Text>}
      closeOnClickOutside={false}
      closeOnEscape={!running}
      withCloseButton={!running}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('exports.pack.intro')}
        </Text>
        <Stack gap={6}>
          <Input.Label labelElement="div" id="pack-week" mb={0}>
            {t('exports.pack.week')}
          </Input.Label>
          <div role="group" aria-labelledby="pack-week">
            <WeekNav week={week} onChange={setWeek} />
          </div>
          {fallback.monday && week === fallback.week && (
            <Group gap={6} wrap="nowrap">
              <IconInfoCircle size={16} color="var(--mantine-color-blue-6)" />
              <Text size="xs" c="dimmed">
                {t('exports.pack.mondayHint')}
              </Text>
            </Group>
          )}
        </Stack>
        <Select
          label={t('exports.pack.scope')}
          data={scopes}
          value={scopeValue(scope)}
          onChange={(v) =>
            setScope(!v || v === 'company' ? { type: 'company' } : { type: 'team', id: String(v) })
          }
          allowDeselect={false}
          searchable
          disabled={running}
          comboboxProps={{ withinPortal: true }}
        />
        <Stack gap={6}>
          <Input.Label labelElement="div" id="pack-language" mb={0}>
            {t('exports.pack.language')}
          </Input.Label>
          <SegmentedControl
            aria-labelledby="pack-language"
            value={language}
            onChange={(v) => setLanguage(v as Language)}
            disabled={running}
            data={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
        <ExportStatus state={state} />
        <Group justify="flex-end" gap="sm">
          {/* The primary action is last: Export until the file is saved, then Close. */}
          {saved && (
            <Button variant="default" onClick={exportPack}>
              {t('exports.pack.export')}
            </Button>
          )}
          <Button variant={saved ? 'filled' : 'default'} onClick={onClose} disabled={running}>
            {t('common.close')}
          </Button>
          {!saved && (
            <Button onClick={exportPack} loading={running}>
              {t('exports.pack.export')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
