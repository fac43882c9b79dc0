import { describe, expect, it } from 'vitest';
import {
  judgeChange,
  type Author,
  type ProposedChange,
  type RuleName,
} from '../../../../electron/core/permissions';

const rep: Author = { id: 'rep-1', role: 'rep', owners: new Set(['rep-1']) };
const subManager: Author = { id: 'mgr-2', role: 'manager', owners: new Set(['mgr-2', 'rep-1']) };
const topManager: Author = { id: 'mgr-1', role: 'manager', owners: null };
const admin: Author = { id: 'adm', role: 'admin', owners: null };
const nobody: Author = { id: null, role: null, owners: null };

const change = (c: Partial<ProposedChange> & { table: string }): ProposedChange => ({
  rowId: 'row',
  before: {},
  after: {},
  ...c,
});

/** The rule broken, or null when allowed. */
const rule = (c: ProposedChange, a: Author): RuleName | null => {
  const v = judgeChange(c, a);
  return v.ok ? null : v.rule;
};

describe('judgeChange', () => {
  it.each([
    ['targets', 'targetsNeedManager', 'targets.errors.needManager'],
    ['calendar_days', 'targetsNeedManager', 'targets.errors.needManager'],
    ['settings', 'settingsNeedManager', 'errors.settingsNeedManager'],
    ['teams', 'teamNeedsManager', 'errors.teamNeedsManager'],
  ])('%s: a rep may not; a manager, admin or nobody may', (table, name, key) => {
    for (const before of [null, {}]) {
      const c = change({ table, before, after: { value: 1 } });
      expect(judgeChange(c, rep)).toMatchObject({ ok: false, rule: name, key });
      for (const a of [subManager, topManager, admin, nobody]) expect(rule(c, a)).toBeNull();
    }
  });

  it("users: a rep may not change anyone's role or team, nor add a manager; may add a rep or edit their own phone", () => {
    const before = { role: 'rep', team_id: 't1' };
    const own = (c: Partial<ProposedChange>) => change({ table: 'users', rowId: rep.id!, ...c });
    expect(rule(change({ table: 'users', before, after: { role: 'manager' } }), rep)).toBe(
      'teamNeedsManager',
    );
    expect(rule(change({ table: 'users', before, after: { team_id: 't2' } }), rep)).toBe(
      'teamNeedsManager',
    );
    expect(rule(change({ table: 'users', before: null, after: { role: 'admin' } }), rep)).toBe(
      'teamNeedsManager',
    );
    expect(rule(change({ table: 'users', before: null, after: { role: 'rep' } }), rep)).toBeNull();
    expect(rule(own({ before, after: { phone: '138' } }), rep)).toBeNull();
    // Another person's phone, name or active flag is their manager's to change.
    expect(rule(change({ table: 'users', before, after: { phone: '138' } }), rep)).toBe(
      'teamNeedsManager',
    );
    expect(rule(change({ table: 'users', before, after: { active: false } }), rep)).toBe(
      'teamNeedsManager',
    );
    // The same value again is no change.
    expect(rule(own({ before, after: { role: 'rep' } }), rep)).toBeNull();
    for (const a of [subManager, topManager, admin, nobody])
      expect(rule(change({ table: 'users', before, after: { role: 'manager' } }), a)).toBeNull();
  });

  it("users: a password is its person's, or their manager's to reset (decision 0022)", () => {
    const before = { role: 'rep', team_id: 't1' };
    for (const after of [{ password_hash: 'scrypt$…' }, { password_temporary: true }]) {
      expect(rule(change({ table: 'users', rowId: rep.id!, before, after }), rep)).toBeNull();
      expect(
        judgeChange(change({ table: 'users', rowId: 'mgr-1', before, after }), rep),
      ).toMatchObject({
        ok: false,
        rule: 'passwordNotYours',
        key: 'signIn.errors.passwordNotYours',
      });
      for (const a of [subManager, topManager, admin])
        expect(rule(change({ table: 'users', rowId: 'rep-1', before, after }), a)).toBeNull();
    }
    // A newcomer's own row, created with their password, as a rep.
    expect(
      rule(
        change({
          table: 'users',
          rowId: rep.id!,
          before: null,
          after: { role: 'rep', password_hash: 'x' },
        }),
        rep,
      ),
    ).toBeNull();
  });

  it('stage history: a forced move or a reopening takes a manager (nobody chosen may not)', () => {
    const forced = change({ table: 'stage_history', before: null, after: { forced: true } });
    const forcedSql = change({ table: 'stage_history', before: null, after: { forced: 1 } });
    const reopen = change({
      table: 'stage_history',
      before: null,
      after: { forced: false, from_status: 'won', to_status: 'open' },
    });
    const plain = change({
      table: 'stage_history',
      before: null,
      after: { forced: false, from_status: 'open', to_status: 'open' },
    });
    expect(judgeChange(forced, rep)).toMatchObject({ key: 'dealErrors.forceNeedsManager' });
    expect(rule(forcedSql, rep)).toBe('forceNeedsManager');
    expect(rule(forced, nobody)).toBe('forceNeedsManager');
    expect(judgeChange(reopen, rep)).toMatchObject({ key: 'dealErrors.reopenNeedsManager' });
    expect(rule(reopen, nobody)).toBe('reopenNeedsManager');
    expect(rule(plain, rep)).toBeNull();
    for (const a of [subManager, topManager, admin]) {
      expect(rule(forced, a)).toBeNull();
      expect(rule(reopen, a)).toBeNull();
    }
  });

  it("data scope: a rep changes only their own rows, a manager their teams', the company manager all", () => {
    const others = { own: 'rep-9', customer: null };
    const theirs = { own: 'rep-1', customer: null };
    for (const table of ['customers', 'deals', 'visits']) {
      expect(rule(change({ table, owners: others }), rep)).toBe('outOfScope');
      expect(rule(change({ table, owners: theirs }), rep)).toBeNull();
      expect(rule(change({ table, owners: theirs }), subManager)).toBeNull();
      expect(rule(change({ table, owners: others }), subManager)).toBe('outOfScope');
      for (const a of [topManager, admin, nobody])
        expect(rule(change({ table, owners: others }), a)).toBeNull();
      // A new row has no owner to be out of scope of.
      expect(rule(change({ table, before: null, owners: others }), rep)).toBeNull();
    }
    // A deal or visit on the rep's customer is theirs too; a pool customer is everyone's.
    expect(
      rule(change({ table: 'deals', owners: { own: 'rep-9', customer: 'rep-1' } }), rep),
    ).toBeNull();
    expect(
      rule(change({ table: 'customers', owners: { own: null, customer: null } }), rep),
    ).toBeNull();
    expect(rule(change({ table: 'deals', owners: { own: null, customer: null } }), rep)).toBe(
      'outOfScope',
    );
    expect(judgeChange(change({ table: 'customers', owners: others }), rep)).toMatchObject({
      key: 'errors.outOfScope',
    });
  });

  it('tables without a rule are anyone’s', () => {
    for (const a of [rep, nobody])
      expect(rule(change({ table: 'activities', after: { body: 'x' } }), a)).toBeNull();
  });
});
