import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflictView } from '../../../shared/contract/sync';
import { catalogues } from '../../../shared/i18n';
import {
  describeConflict,
  formatValue,
  formatWhen,
  rowLink,
} from '../../../renderer/features/sync/describe';

const names = { users: new Map([['u-1', '王芳']]) };
const translators: Record<'en' | 'zh-CN', TFunction> = {} as never;

beforeAll(async () => {
  for (const language of ['en', 'zh-CN'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      lng: language,
      fallbackLng: 'en',
      resources: { [language]: { translation: catalogues[language] } },
      interpolation: { escapeValue: false },
    });
    translators[language] = instance.t;
  }
});

function overwrite(over: Partial<SyncConflictView> = {}): SyncConflictView {
  return {
    id: 1,
    kind: 'overwrite',
    table: 'deals',
    rowId: 'd-1',
    rowLabel: '华东机电 MES',
    column: 'amount',
    local: { value: 10_000_000, at: '2026-11-23T02:01:00.000Z', userName: '李雷' },
    remote: {
      value: 12_000_000,
      at: '2026-11-23T02:02:00.000Z',
      userName: '王芳',
      deviceName: 'laptop-wang',
    },
    otherRowId: null,
    otherRowLabel: null,
    detectedAt: '2026-11-23T02:03:00.000Z',
    resolvedAt: null,
    resolution: null,
    ...over,
  };
}

describe('changes from the team, in words', () => {
  it('says who replaced which value with what, money as money', () => {
    const text = describeConflict(translators.en, 'en', overwrite(), names);
    expect(text).toMatch(
      /^王芳 changed the amount of deal “华东机电 MES” to ¥120,000 at .+; your ¥100,000 from .+ was replaced\.$/,
    );
    const zh = describeConflict(translators['zh-CN'], 'zh-CN', overwrite(), names);
    expect(zh).toMatch(
      /^王芳在 .+ 把销售机会“华东机电 MES”的金额改为 ¥120,000；你在 .+ 填写的 ¥100,000 被替换了。$/,
    );
  });

  it('names the device when the user is unknown, and handles deletes', () => {
    const conflict = overwrite({
      column: 'deleted_at',
      remote: {
        value: '2026-11-23T02:02:00.000Z',
        at: '2026-11-23T02:02:00.000Z',
        userName: null,
        deviceName: 'nas-pc',
      },
    });
    expect(describeConflict(translators.en, 'en', conflict, names)).toMatch(
      /^Someone on nas-pc deleted deal “华东机电 MES” at .+, while you were changing it\.$/,
    );
  });

  it('asks to merge duplicates', () => {
    const conflict = overwrite({
      kind: 'duplicate',
      table: 'customers',
      column: null,
      local: null,
      rowLabel: '华东机电',
      otherRowId: 'c-2',
      otherRowLabel: '华东机电',
    });
    expect(describeConflict(translators.en, 'en', conflict, names)).toBe(
      'Two customers are named “华东机电”: merge them.',
    );
    expect(describeConflict(translators['zh-CN'], 'zh-CN', conflict, names)).toBe(
      '有两个名为“华东机电”的客户：请合并。',
    );
  });

  it('says a refused change was not applied, by whom and why, in both languages', () => {
    const refused = overwrite({
      kind: 'refused',
      table: 'users',
      rowId: 'u-1',
      rowLabel: '王芳',
      column: 'role',
      local: null,
      refusal: { rule: 'teamNeedsManager', key: 'errors.teamNeedsManager', columns: ['role'] },
    });
    expect(describeConflict(translators.en, 'en', refused, names)).toMatch(
      /^Not applied: 王芳 changed the role of person “王芳” at .+, which they may not\. Only a manager can change roles, teams and the team structure\.$/,
    );
    expect(describeConflict(translators['zh-CN'], 'zh-CN', refused, names)).toMatch(
      /^未应用：王芳在 .+ 修改了成员“王芳”的角色，但无权修改。只有销售经理可以修改角色、所属团队和团队结构。$/,
    );
    const newTarget = overwrite({
      kind: 'refused',
      table: 'targets',
      rowId: 't-1',
      rowLabel: null,
      column: 'value',
      local: null,
      refusal: {
        rule: 'targetsNeedManager',
        key: 'targets.errors.needManager',
        columns: ['value', 'created_at', 'metric'],
      },
    });
    expect(describeConflict(translators.en, 'en', newTarget, names)).toMatch(
      /^Not applied: 王芳 added a target at .+, which they may not\. Only a manager can change targets and the working-day calendar\.$/,
    );
  });

  it('formats values through the app’s labels, falling back to the raw value', () => {
    const t = translators.en;
    expect(formatValue(t, 'en', 'customers', 'status', 'lost', names)).toBe('Lost');
    expect(formatValue(t, 'en', 'deals', 'milestone', 'M3', names)).toBe(
      'Qualified decision maker',
    );
    expect(formatValue(t, 'en', 'deals', 'owner_id', 'u-1', names)).toBe('王芳');
    expect(formatValue(t, 'en', 'deals', 'is_key', 1, names)).toBe('yes');
    expect(formatValue(t, 'en', 'customers', 'phone', null, names)).toBe('(empty)');
    expect(formatValue(t, 'en', 'customers', 'tags', '["VIP","华东"]', names)).toBe('VIP、华东');
    expect(formatValue(t, 'en', 'deals', 'expected_close_on', '2026-12-31', names)).toBe(
      'Dec 31, 2026',
    );
    expect(formatValue(t, 'en', 'customers', 'mystery', 'as is', names)).toBe('as is');
  });

  it('shows only the time for today, and links rows that have a page', () => {
    const now = new Date(2026, 10, 23, 15, 0);
    expect(formatWhen(new Date(2026, 10, 23, 10, 2).toISOString(), 'en', now)).toMatch(/10:02/);
    expect(formatWhen(new Date(2026, 10, 20, 10, 2).toISOString(), 'en', now)).toMatch(/Nov 20/);
    expect(rowLink('customers', 'c-1')).toBe('/customers/c-1');
    expect(rowLink('deals', 'd-1')).toBe('/deals/d-1');
    expect(rowLink('contacts', 'x')).toBeNull();
  });
});
