import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderFileHost } from '../../../../electron/export/host';
import { handlers } from '../../../../electron/features/handlers';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { methodNames, type MethodName } from '../../../../shared/contract';
import { call, tempApp } from '../../helpers';

/**
 * Data scope (docs/data-scope.md) on the small demo, with one sub-team carved out: a rep, the
 * sub-team's manager and an admin call every read method of the contract aimed at data out of
 * their scope. `coverage` names every method: a new one fails here until it is classified.
 */
const TODAY = '2026-11-23';
const NOW = '2026-11-23T09:00:00.000Z';
const WEEK = '2026-W48';

type App = ReturnType<typeof tempApp>;
type Actor = 'rep' | 'sub' | 'admin';
type World = {
  app: App;
  ids: Record<Actor, string>;
  /** Who each actor may see; null: everyone. */
  sees: Record<Actor, Set<string> | null>;
  subTeamId: string;
  topTeamId: string;
  /** A rep outside the sub-team and not the rep actor: their rows are out of scope for both. */
  other: string;
  otherCustomer: string;
  otherDeal: string;
  otherWonDeal: string;
  otherVisit: string;
  otherContact: string;
};
type Probe = (w: World, actor: Actor) => Promise<void>;

let w: World;
const downloads = mkdtempSync(path.join(tmpdir(), 'pacer-scope-dl-'));

async function raw(method: MethodName, input: unknown) {
  return dispatch(handlers, w.app, method, input);
}
async function notFound(method: MethodName, input: unknown, actor: Actor) {
  const result = await raw(method, input);
  if (actor === 'admin') {
    expect(result.ok, `${method} as admin`).toBe(true);
    return;
  }
  expect(result.ok, `${method} as ${actor} must refuse`).toBe(false);
  if (!result.ok) expect(['not_found', 'invalid_input']).toContain(result.error.code);
  // The refusal never names the row's contents.
  if (!result.ok) expect(JSON.stringify(result.error)).not.toContain('owner');
}
function owners(w: World, actor: Actor, ids: (string | null | undefined)[], what: string) {
  const sees = w.sees[actor];
  if (sees === null) return;
  for (const id of ids) if (id) expect(sees.has(id), `${what}: ${id} out of scope`).toBe(true);
}
async function ok<M extends MethodName>(method: M, input: unknown) {
  const result = await raw(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as never;
}
const scopes = ['mine', 'team', 'all'] as const;

/** Every method: a probe for a read, or why it needs none. */
const coverage: Record<MethodName, Probe | 'write' | 'unscoped'> = {
  // The app, its device and its catalogues: nothing anyone owns.
  'app.status': 'unscoped',
  'app.setPreferences': 'write',
  'app.createTeam': 'write',
  'app.loadDemo': 'write',
  'app.signIn': 'write',
  'app.signOut': 'write',
  'app.changePassword': 'write',
  'app.joinAsNew': 'write',
  'app.restart': 'write',
  'backup.list': 'unscoped',
  'backup.now': 'write',
  'backup.restore': 'write',
  'dashboard.gettingStarted': 'unscoped',
  'dashboard.dismissGettingStarted': 'write',
  'products.list': 'unscoped',
  'products.save': 'write',
  'products.setActive': 'write',
  'settings.get': 'unscoped',
  'settings.setFrequencyRules': 'write',
  'settings.setStalledDays': 'write',
  'calendar.days': 'unscoped',
  'calendar.setDay': 'write',
  'calendar.removeDay': 'write',
  'calendar.importDays': 'write',
  // The people directory (who-are-you, owner pickers): names and roles, no customer data.
  'team.listTeams': 'unscoped',
  'team.listUsers': 'unscoped',
  'team.saveTeam': 'write',
  'team.saveUser': 'write',
  'team.setUserActive': 'write',
  'team.resetPassword': 'write',
  'team.deleteTeam': 'write',
  'team.visibility': async (w, actor) => {
    const v = (await ok('team.visibility', {})) as { company: boolean; userIds: string[] | null };
    expect(v.company).toBe(actor === 'admin');
    if (actor !== 'admin') expect(new Set(v.userIds)).toEqual(w.sees[actor]);
  },
  // Sync is the device's replication state (folder mode holds the team's data on every device).
  'sync.status': 'unscoped',
  'sync.now': 'write',
  'sync.chooseFolder': 'write',
  'sync.createTeam': 'write',
  'sync.joinTeam': 'write',
  'sync.leave': 'write',
  'sync.conflicts': 'unscoped',
  'sync.restoreMine': 'write',
  'sync.dismiss': 'write',
  'imports.previewCustomers': 'write',
  'imports.remapCustomers': 'write',
  'imports.commitCustomers': 'write',
  'imports.discard': 'write',
  'exports.reveal': 'unscoped', // only files this session exported

  'customers.list': async (w, actor) => {
    for (const scope of scopes) {
      const r = (await ok('customers.list', { scope, pageSize: 200, today: TODAY })) as {
        rows: { ownerId: string | null }[];
      };
      owners(
        w,
        actor,
        r.rows.map((x) => x.ownerId),
        `customers.list ${scope}`,
      );
    }
    const asked = (await ok('customers.list', { scope: 'all', ownerId: w.other })) as {
      total: number;
    };
    if (actor !== 'admin') expect(asked.total).toBe(0);
  },
  'customers.facets': async () => {
    await ok('customers.facets', {});
  },
  'customers.get': (w, a) => notFound('customers.get', { id: w.otherCustomer }, a),
  'customers.matrix': async (_w, actor) => {
    const m = (await ok('customers.matrix', { scope: 'all', today: TODAY })) as { total: number };
    const mine = (await ok('customers.list', { scope: 'all', today: TODAY })) as { total: number };
    expect(m.total).toBe(mine.total);
    if (actor === 'admin') expect(m.total).toBeGreaterThan(0);
  },
  'customers.create': 'write',
  'customers.update': 'write',
  'customers.delete': async (w, a) => {
    if (a !== 'admin') await notFound('customers.delete', { id: w.otherCustomer }, a);
  },
  'customers.restore': 'write',
  'customers.setGrading': 'write',
  'customers.markReviewed': async (w, a) => {
    const r = (await ok('customers.markReviewed', { ids: [w.otherCustomer], today: TODAY })) as {
      count: number;
    };
    expect(r.count).toBe(a === 'admin' ? 1 : 0);
  },
  'customers.reassign': 'write',
  'contacts.create': 'write',
  'contacts.update': async (w, a) => {
    if (a === 'admin') return;
    await notFound('contacts.update', { id: w.otherContact, fields: { name: 'x' } }, a);
  },
  'contacts.delete': async (w, a) => {
    if (a !== 'admin') await notFound('contacts.delete', { id: w.otherContact }, a);
  },
  'timeline.list': (w, a) => notFound('timeline.list', { customerId: w.otherCustomer }, a),
  'timeline.log': 'write',
  'timeline.delete': 'write',
  'followUps.forCustomer': (w, a) =>
    notFound('followUps.forCustomer', { customerId: w.otherCustomer }, a),
  'followUps.list': async (w, actor) => {
    for (const scope of scopes) {
      const r = (await ok('followUps.list', { scope, today: TODAY })) as Record<
        string,
        { rows: { ownerId: string }[] }
      >;
      for (const g of Object.values(r))
        owners(
          w,
          actor,
          g.rows.map((x) => x.ownerId),
          'followUps',
        );
    }
  },
  'followUps.create': 'write',
  'followUps.complete': 'write',
  'followUps.reopen': 'write',
  'handover.preview': (w, a) =>
    notFound('handover.preview', { fromUserId: w.other, today: TODAY }, a),
  'handover.execute': 'write',
  'deals.board': async (w, actor) => {
    for (const scope of scopes) {
      const b = (await ok('deals.board', { scope, today: TODAY })) as {
        columns: { cards: { ownerId: string }[] }[];
      };
      owners(
        w,
        actor,
        b.columns.flatMap((c) => c.cards.map((x) => x.ownerId)),
        'deals.board',
      );
    }
  },
  'deals.column': async (w, actor) => {
    const c = (await ok('deals.column', { scope: 'all', today: TODAY, column: 'M1' })) as {
      cards: { ownerId: string }[];
    };
    owners(
      w,
      actor,
      c.cards.map((x) => x.ownerId),
      'deals.column',
    );
  },
  'deals.lanes': async (w, actor) => {
    const lanes = (await ok('deals.lanes', { scope: 'all', today: TODAY })) as {
      ownerId: string;
    }[];
    owners(
      w,
      actor,
      lanes.map((l) => l.ownerId),
      'deals.lanes',
    );
  },
  'deals.get': (w, a) => notFound('deals.get', { id: w.otherDeal, today: TODAY }, a),
  'deals.create': async (w, a) => {
    if (a === 'admin') return;
    const r = await raw('deals.create', {
      customerId: w.otherCustomer,
      title: 'x',
      amount: 100,
      expectedCloseOn: '2026-12-31',
      today: TODAY,
    });
    expect(r.ok).toBe(false);
  },
  'deals.update': 'write',
  'deals.move': 'write',
  'deals.check': 'write',
  'deals.setBrief': 'write',
  'deals.setKey': async (w, a) => {
    if (a !== 'admin') await notFound('deals.setKey', { id: w.otherDeal, isKey: true }, a);
  },
  'deals.setLines': 'write',
  'deals.delete': async (w, a) => {
    if (a !== 'admin') await notFound('deals.delete', { id: w.otherDeal }, a);
  },
  'deals.restore': 'write',
  'deals.keyList': async (w, actor) => {
    const k = (await ok('deals.keyList', { scope: 'all', today: TODAY })) as { ownerId: string }[];
    owners(
      w,
      actor,
      k.map((x) => x.ownerId),
      'deals.keyList',
    );
  },
  'deals.forCustomer': async (w, a) => {
    const r = (await ok('deals.forCustomer', { customerId: w.otherCustomer, today: TODAY })) as [];
    if (a !== 'admin') expect(r).toEqual([]);
  },
  'receivables.forDeal': (w, a) =>
    notFound('receivables.forDeal', { dealId: w.otherWonDeal, today: TODAY }, a),
  'receivables.split': 'write',
  'receivables.forCustomer': (w, a) =>
    notFound('receivables.forCustomer', { customerId: w.otherCustomer, today: TODAY }, a),
  'collections.record': 'write',
  'collections.delete': 'write',
  'scores.add': 'write',
  'scores.forDeal': (w, a) => notFound('scores.forDeal', { dealId: w.otherDeal, today: TODAY }, a),
  'scores.team': async (w, actor) => {
    const s = (await ok('scores.team', { scope: 'all', today: TODAY })) as {
      rows: { repId: string }[];
    };
    owners(
      w,
      actor,
      s.rows.map((r) => r.repId),
      'scores.team',
    );
  },
  'scores.rep': (w, a) => notFound('scores.rep', { repId: w.other, today: TODAY }, a),
  'calendar.range': async (w, actor) => {
    for (const scope of scopes) {
      const r = (await ok('calendar.range', {
        from: '2026-11-16',
        to: '2026-11-29',
        scope,
        meetings: false,
        now: NOW,
      })) as { events: { ownerId?: string }[] };
      owners(
        w,
        actor,
        r.events.map((e) => e.ownerId),
        `calendar.range ${scope}`,
      );
    }
  },
  'visits.get': (w, a) => notFound('visits.get', { id: w.otherVisit, now: NOW }, a),
  'visits.create': 'write',
  'visits.update': 'write',
  'visits.move': 'write',
  'visits.reorder': 'write',
  'visits.route': async (w, a) => {
    const r = (await ok('visits.route', { ownerId: w.other, day: TODAY, now: NOW })) as [];
    if (a !== 'admin') expect(r).toEqual([]);
  },
  'visits.summarize': 'write',
  'visits.log': 'write',
  'visits.delete': async (w, a) => {
    if (a !== 'admin') await notFound('visits.delete', { id: w.otherVisit }, a);
  },
  'visits.restore': 'write',
  'visits.forCustomer': (w, a) =>
    notFound('visits.forCustomer', { customerId: w.otherCustomer, now: NOW }, a),
  'visits.suggestions': (w, a) =>
    notFound(
      'visits.suggestions',
      { ownerId: w.other, from: '2026-11-30', to: '2026-12-06', today: TODAY },
      a,
    ),
  'visits.planVsActual': async (w, actor) => {
    const r = (await ok('visits.planVsActual', {
      from: '2026-11-01',
      to: '2026-11-30',
      scope: 'all',
      now: NOW,
    })) as { rows: { ownerId: string }[] };
    owners(
      w,
      actor,
      r.rows.map((x) => x.ownerId),
      'planVsActual',
    );
  },
  'visits.pending': async (w, actor) => {
    const r = (await ok('visits.pending', { scope: 'all', now: NOW, today: TODAY })) as {
      summaryDue: { ownerId: string }[];
      missed: { ownerId: string }[];
    };
    owners(
      w,
      actor,
      [...r.summaryDue, ...r.missed].map((x) => x.ownerId),
      'pending',
    );
  },
  'meetings.get': 'write', // covered by the meetings unit tests' own fixture (no demo meetings out of scope)
  'meetings.create': 'write',
  'meetings.update': 'write',
  'meetings.delete': 'write',
  'meetings.coaching': async (w, actor) => {
    const r = (await ok('meetings.coaching', { scope: 'all', today: TODAY })) as {
      repId?: string;
      userId?: string;
      id?: string;
    }[];
    owners(
      w,
      actor,
      r.map((x) => x.repId ?? x.userId ?? x.id),
      'coaching',
    );
  },
  'reports.run': async (w, actor) => {
    const period = { kind: 'month', date: TODAY };
    const company = (await ok('reports.run', {
      report: 'funnel',
      period,
      scope: { type: 'company' },
      today: TODAY,
    })) as { scope: { type: string; id: string | null } };
    if (actor === 'admin') expect(company.scope.type).toBe('company');
    if (actor === 'rep') expect(company.scope).toMatchObject({ type: 'rep', id: w.ids.rep });
    if (actor === 'sub') expect(company.scope).toMatchObject({ type: 'team', id: w.subTeamId });
    await notFound(
      'reports.run',
      { report: 'funnel', period, scope: { type: 'rep', id: w.other }, today: TODAY },
      actor,
    );
    await notFound(
      'reports.run',
      { report: 'funnel', period, scope: { type: 'team', id: w.topTeamId }, today: TODAY },
      actor,
    );
  },
  'targets.grid': (_w, a) =>
    notFound('targets.grid', { metric: 'sales', year: 2026, scope: { type: 'company' } }, a),
  'targets.decompose': 'write',
  'targets.decomposeMany': 'write',
  'targets.setCell': 'write',
  'targets.overview': async (w, actor) => {
    const o = (await ok('targets.overview', { metric: 'sales', year: 2026 })) as {
      company: { value: number | null };
      teams: { reps: { id: string }[] }[];
    };
    owners(
      w,
      actor,
      o.teams.flatMap((t) => t.reps.map((r) => r.id)),
      'targets.overview',
    );
    if (actor !== 'admin') expect(o.company.value).toBeNull();
  },
  'weekly.get': (w, a) => notFound('weekly.get', { userId: w.other, week: WEEK, today: TODAY }, a),
  'weekly.save': 'write',
  'weekly.submit': 'write',
  'weekly.review': 'write',
  'weekly.return': 'write',
  'weekly.list': async (w, actor) => {
    const r = (await ok('weekly.list', { week: WEEK })) as { rows: { userId: string }[] };
    owners(
      w,
      actor,
      r.rows.map((x) => x.userId),
      'weekly.list',
    );
  },
  'weekly.awaitingReview': async () => {
    await ok('weekly.awaitingReview', {});
  },
  'weekly.reminder': 'unscoped', // the signed-in user's own report only
  'exports.table': async (w, actor) => {
    const r = (await ok('exports.table', {
      table: 'customers',
      language: 'en',
      query: { scope: 'all', today: TODAY },
    })) as { path: string };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(r.path) as unknown as ArrayBuffer);
    const list = (await ok('customers.list', { scope: 'all', pageSize: 1, today: TODAY })) as {
      total: number;
    };
    const sheet = wb.worksheets[0];
    const text = JSON.stringify(sheet?.getSheetValues());
    if (actor !== 'admin') {
      const other = w.app.sqlite
        .prepare('SELECT name FROM customers WHERE id = ?')
        .get(w.otherCustomer) as { name: string };
      expect(text).not.toContain(other.name);
    }
    expect(list.total).toBeGreaterThan(0);
  },
  'exports.weeklyPack': async (w, actor) => {
    const r = await raw('exports.weeklyPack', {
      week: WEEK,
      scope: { type: 'company' },
      language: 'en',
      today: TODAY,
    });
    if (actor === 'rep') {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.key).toBe('exports.errors.packNeedsTeam');
      return;
    }
    expect(r.ok).toBe(true);
    const other = w.app.sqlite.prepare('SELECT name FROM users WHERE id = ?').get(w.other) as {
      name: string;
    };
    if (r.ok && actor === 'sub') {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        readFileSync((r.value as { path: string }).path) as unknown as ArrayBuffer,
      );
      const text = JSON.stringify(wb.worksheets.map((s) => s.getSheetValues()));
      expect(text).not.toContain(other.name);
    }
  },
};

beforeAll(async () => {
  const app = tempApp({ start: NOW });
  app.fileHost = folderFileHost(downloads);
  await call(app, 'app.loadDemo', {});
  const q = <T>(sql: string, ...p: unknown[]) => app.sqlite.prepare(sql).all(...p) as T[];
  const [top] = q<{ id: string; managerId: string }>(
    'SELECT id, manager_id AS managerId FROM teams WHERE deleted_at IS NULL',
  );
  if (!top) throw new Error('no demo team');
  const reps = q<{ id: string }>(
    "SELECT id FROM users WHERE role = 'rep' AND active = 1 ORDER BY id",
  ).map((r) => r.id);
  app.setCurrentUserId(top.managerId);
  // A sub-team under the demo team: a new manager and two of the reps.
  const sub = await call(app, 'team.saveTeam', { name: '华东二组', parentId: top.id });
  const subManager = await call(app, 'team.saveUser', {
    name: '赵组长',
    role: 'manager',
    teamId: sub.id,
  });
  await call(app, 'team.saveTeam', {
    id: sub.id,
    name: '华东二组',
    parentId: top.id,
    managerId: subManager.id,
  });
  const [r1, r2, rep, other] = reps as [string, string, string, string];
  for (const id of [r1, r2]) {
    const u = await call(app, 'team.listUsers', {});
    const user = u.find((x) => x.id === id);
    if (!user) throw new Error('rep missing');
    await call(app, 'team.saveUser', { id, name: user.name, role: 'rep', teamId: sub.id });
  }
  const admin = await call(app, 'team.saveUser', { name: '钱总监', role: 'admin', teamId: top.id });
  const one = <T>(sql: string, ...p: unknown[]) => {
    const row = app.sqlite.prepare(sql).get(...p) as T | undefined;
    if (!row) throw new Error(`nothing for ${sql}`);
    return row;
  };
  w = {
    app,
    ids: { rep, sub: subManager.id, admin: admin.id },
    sees: { rep: new Set([rep]), sub: new Set([subManager.id, r1, r2]), admin: null },
    subTeamId: sub.id,
    topTeamId: top.id,
    other,
    otherCustomer: one<{ id: string }>(
      'SELECT id FROM customers WHERE owner_id = ? AND deleted_at IS NULL',
      other,
    ).id,
    otherDeal: one<{ id: string }>(
      "SELECT d.id FROM deals d JOIN customers c ON c.id = d.customer_id WHERE d.owner_id = ? AND c.owner_id = ? AND d.status = 'open' AND d.deleted_at IS NULL",
      other,
      other,
    ).id,
    otherWonDeal: one<{ id: string }>(
      "SELECT d.id FROM deals d JOIN customers c ON c.id = d.customer_id WHERE d.owner_id = ? AND c.owner_id = ? AND d.status = 'won' AND d.deleted_at IS NULL",
      other,
      other,
    ).id,
    otherVisit: one<{ id: string }>(
      'SELECT v.id FROM visits v JOIN customers c ON c.id = v.customer_id WHERE v.owner_id = ? AND c.owner_id = ? AND v.deleted_at IS NULL',
      other,
      other,
    ).id,
    otherContact: one<{ id: string }>(
      'SELECT k.id FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE c.owner_id = ? AND k.deleted_at IS NULL',
      other,
    ).id,
  };
}, 120_000);
afterAll(() => w?.app.cleanup());

describe('data scope in every read', () => {
  it('classifies every method of the contract', () => {
    expect(methodNames.filter((m) => !(m in coverage))).toEqual([]);
    expect(Object.keys(coverage).filter((m) => !(methodNames as string[]).includes(m))).toEqual([]);
  });

  for (const actor of ['rep', 'sub', 'admin'] as const) {
    it(`as ${actor}: nothing out of scope comes back from any read`, async () => {
      w.app.setCurrentUserId(w.ids[actor]);
      const failures: string[] = [];
      for (const method of methodNames) {
        const probe = coverage[method];
        if (typeof probe !== 'function') continue;
        try {
          await probe(w, actor);
        } catch (error) {
          failures.push(`${method}: ${(error as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
