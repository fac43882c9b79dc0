import { Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardFilters } from '../../../shared/contract/deals';
import type { Scope } from '../../../shared/domain/people';
import { useApiQuery } from '../../api/queries';
import { LocalizedDates } from '../../components/LocalizedDates';
import { ScopeSwitch, useScope } from '../../components/ScopeSwitch';
import { localToday } from '../../components/dates';
import { yuanToFen } from '../../components/money';

export type FilterState = {
  scope: Scope;
  teamId: string | null;
  ownerId: string | null;
  close: [string | null, string | null];
  min: number | string;
  max: number | string;
  search: string;
  stalledOnly: boolean;
  keyOnly: boolean;
  scoreFlag: ScoreFlag | null;
};

const scoreFlags = ['overClaimed', 'stale', 'unscored'] as const;
type ScoreFlag = (typeof scoreFlags)[number];

/** The board's filters as the user set them, and as `deals.board` takes them. */
export function useBoardFilters(): {
  state: FilterState;
  set: (patch: Partial<FilterState>) => void;
  input: BoardFilters;
} {
  const [scope] = useScope();
  const [state, setState] = useState<FilterState>({
    scope,
    teamId: null,
    ownerId: null,
    close: [null, null],
    min: '',
    max: '',
    search: '',
    stalledOnly: false,
    keyOnly: false,
    scoreFlag: null,
  });
  const [search] = useDebouncedValue(state.search, 250);
  const input: BoardFilters = {
    scope: state.scope,
    today: localToday(),
    search,
    stalledOnly: state.stalledOnly,
    keyOnly: state.keyOnly,
    ...(state.teamId ? { teamId: state.teamId } : {}),
    ...(state.scoreFlag ? { scoreFlag: state.scoreFlag } : {}),
    ...(state.ownerId ? { ownerId: state.ownerId } : {}),
    ...(state.close[0] ? { closeFrom: state.close[0] } : {}),
    ...(state.close[1] ? { closeTo: state.close[1] } : {}),
    ...(state.min !== '' ? { minAmount: yuanToFen(state.min) ?? 0 } : {}),
    ...(state.max !== '' ? { maxAmount: yuanToFen(state.max) ?? 0 } : {}),
  };
  return { state, set: (patch) => setState((s) => ({ ...s, ...patch })), input };
}

/**
 * Scope, team, rep, close period, amount range, text, score flag (虚高 / 评分过期 / 未评分);
 * stalled-only and key-only toggles.
 */
export function BoardFilterBar({
  state,
  set,
}: {
  state: FilterState;
  set: (patch: Partial<FilterState>) => void;
}) {
  const { t, i18n } = useTranslation();
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const reps = (users.data ?? []).filter((u) => !state.teamId || u.teamId === state.teamId);
  return (
    <LocalizedDates>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <ScopeSwitch value={state.scope} onChange={(scope) => set({ scope })} />
        <Select
          aria-label={t('deals.filters.team')}
          placeholder={t('deals.filters.anyTeam')}
          data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={state.teamId}
          onChange={(teamId) => set({ teamId, ownerId: null })}
          clearable
          w={140}
        />
        <Select
          aria-label={t('deals.filters.rep')}
          placeholder={t('deals.filters.anyRep')}
          data={reps.map((u) => ({ value: u.id, label: u.name }))}
          value={state.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          searchable
          clearable
          w={140}
        />
        <DatePickerInput
          type="range"
          aria-label={t('deals.filters.closePeriod')}
          placeholder={t('deals.filters.closePeriod')}
          value={state.close}
          onChange={(close) => set({ close })}
          valueFormat={i18n.language === 'zh-CN' ? 'M月D日' : 'MMM D'}
          clearable
          w={200}
        />
        <NumberInput
          aria-label={t('deals.filters.amountMin')}
          placeholder={t('deals.filters.amountMin')}
          value={state.min}
          onChange={(min) => set({ min })}
          min={0}
          thousandSeparator=","
          hideControls
          w={100}
        />
        <NumberInput
          aria-label={t('deals.filters.amountMax')}
          placeholder={t('deals.filters.amountMax')}
          value={state.max}
          onChange={(max) => set({ max })}
          min={0}
          thousandSeparator=","
          hideControls
          w={100}
        />
        <TextInput
          aria-label={t('deals.filters.search')}
          placeholder={t('deals.filters.search')}
          leftSection={<IconSearch size={14} />}
          value={state.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={200}
        />
        <Select
          aria-label={t('scorecards.board.flagFilter')}
          placeholder={t('scorecards.board.anyFlag')}
          data={scoreFlags.map((f) => ({ value: f, label: t(`flags.${f}`) }))}
          value={state.scoreFlag}
          onChange={(v) => set({ scoreFlag: v as ScoreFlag | null })}
          clearable
          w={130}
        />
        <Switch
          label={t('deals.filters.stalledOnly')}
          checked={state.stalledOnly}
          onChange={(e) => set({ stalledOnly: e.currentTarget.checked })}
          color="orange"
          mb={8}
        />
        <Switch
          label={t('deals.filters.keyOnly')}
          checked={state.keyOnly}
          onChange={(e) => set({ keyOnly: e.currentTarget.checked })}
          color="yellow"
          mb={8}
        />
      </Group>
    </LocalizedDates>
  );
}
