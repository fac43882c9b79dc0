import { addDays } from '../../shared/domain/grading';
import {
  exitCriteria,
  linesAmount,
  milestones,
  type Milestone,
} from '../../shared/domain/milestones';
import { rowMeta, type DemoCustomer, type DemoPart, type DemoWorld } from './world';

const DAY = 86_400_000;

const catalogue = [
  { name: '伺服电机', unit: '台', price: 850_000 },
  { name: 'PLC 控制柜', unit: '套', price: 6_800_000 },
  { name: '工业机器人工作站', unit: '套', price: 38_000_000 },
  { name: 'MES 软件授权', unit: '站点', price: 12_000_000 },
  { name: '视觉检测系统', unit: '套', price: 9_500_000 },
  { name: '智能仓储货架', unit: '组', price: 2_400_000 },
  { name: '年度维保服务', unit: '年', price: 3_600_000 },
  { name: '备品备件包', unit: '批', price: 450_000 },
] as const;

const titles = [
  '{y}年产线自动化改造项目',
  'ERP升级二期',
  '{y}年度备件采购框架',
  '智能仓储系统建设',
  '设备维保服务续约',
  '车间MES系统实施',
  '{y}年节能改造项目',
  '质检视觉检测设备采购',
  '数字化工厂一期',
  '新厂区设备配套',
  '包装线升级改造',
  '{y}年度框架协议',
] as const;

const lostReasons = [
  '价格高于竞品',
  '客户预算取消',
  '项目延期至明年',
  '竞品关系更深',
  '技术方案未通过评审',
  '客户选择自研',
] as const;

const briefs = {
  problem: [
    '换线时间长，产能不足',
    '人工质检漏检率高',
    '库存数据不准，经常缺料',
    '设备故障频繁停机',
  ],
  cause: ['老设备缺少自动化接口', '依赖人工经验', '系统之间数据不通', '缺少预防性维护'],
  vision: [
    '一条线两人看管，换线半小时内',
    '在线检测，漏检率降到千分之一',
    '库存实时可见',
    '故障提前预警',
  ],
  value: ['年节省人工约 80 万元', '减少客诉和退货', '资金占用下降三成', '停机时间减半'],
  next: ['下周安排技术交流', '提交正式报价', '约决策者现场演示', '准备合同草稿', '安排样机试用'],
} as const;

/** Open deals per milestone, M1 → M5: the funnel narrows. */
const openWeights: readonly (readonly [Milestone, number])[] = [
  ['M1', 34],
  ['M2', 25],
  ['M3', 18],
  ['M4', 13],
  ['M5', 10],
];

/** Deals per demo size, and the share of them open today. */
const plan = {
  small: { deals: 300, open: 0.2 },
  large: { deals: 30_000, open: 1 / 6 },
} as const;

/** Skewed toward some customers: a few have many deals, many have one or none. */
function pickCustomer(world: DemoWorld): DemoCustomer {
  const index = Math.floor(world.rng.float() ** 1.3 * world.customers.length);
  const customer = world.customers[index];
  if (!customer) throw new Error('the demo needs customers before deals');
  return customer;
}

/** 5万–500万 yuan, log-uniform, in whole thousands of yuan (fen). */
function amountFen(world: DemoWorld): number {
  const yuan = Math.exp(Math.log(50_000) + world.rng.float() * Math.log(100));
  return Math.round(yuan / 1000) * 1000 * 100;
}

type Path = { milestone: Milestone; at: Date }[];

/** Stage entries from creation: the stages left take shares of `span`, so the last one starts at created + span. */
function stagePath(world: DemoWorld, reached: Milestone, created: Date, span: number): Path {
  const stages = milestones.slice(0, milestones.indexOf(reached) + 1);
  const weights = stages.slice(1).map(() => 0.3 + world.rng.float());
  const total = weights.reduce((a, b) => a + b, 0);
  let t = created.getTime();
  return stages.map((milestone, i) => {
    if (i > 0) t += total > 0 ? (span * (weights[i - 1] ?? 0)) / total : 0;
    return { milestone, at: new Date(Math.round(t)) };
  });
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Deals over four years: mostly closed, an open funnel today, each with a consistent history. */
export const dealsPart: DemoPart = {
  name: 'deals',
  tables: ['products', 'deals', 'deal_lines', 'deal_checks', 'stage_history', 'receivables'],
  run(world, out) {
    const productIds = catalogue.map((p) => {
      const id = world.idAt(world.start);
      out.insert('products', {
        id,
        name: p.name,
        unit: p.unit,
        list_price: p.price,
        active: 1,
        ...rowMeta(world.start),
      });
      return id;
    });
    const { deals: total, open: openShare } = plan[world.size];
    const today = world.today.getTime();
    for (let i = 0; i < total; i++) {
      const customer = pickCustomer(world);
      const ownerId = customer.ownerId;
      const earliest = Math.max(world.start.getTime(), customer.createdAt.getTime());
      const isOpen = world.rng.chance(openShare);
      let path: Path;
      let status: 'open' | 'won' | 'lost';
      let closedAt: Date | null = null;
      let stageEnteredAt: Date;
      if (isOpen) {
        status = 'open';
        const reached = world.rng.weighted(openWeights);
        // Days in the current stage: mostly fresh (median ~12), a third past the 30-day stall line.
        const inStage = Math.min(world.rng.float() ** 3 * 100, (today - earliest) / DAY / 2) * DAY;
        stageEnteredAt = new Date(today - inStage - world.rng.int(1, 8) * 3_600_000);
        const before = Math.min(
          world.rng.int(5, 40) * milestones.indexOf(reached) * DAY,
          stageEnteredAt.getTime() - earliest,
        );
        const created = new Date(stageEnteredAt.getTime() - Math.max(0, before));
        path = stagePath(world, reached, created, stageEnteredAt.getTime() - created.getTime());
      } else {
        const won = world.rng.chance(0.45);
        status = won ? 'won' : 'lost';
        const reached: Milestone = won ? 'M6' : world.rng.weighted(openWeights);
        // Close days spread evenly over the four years; the deal starts `cycle` days before,
        // never before its customer existed.
        const span = world.rng.int(15, 240) * DAY;
        const closeTime =
          world.start.getTime() +
          span +
          world.rng.float() * (today - DAY - world.start.getTime() - span);
        const start = Math.max(closeTime - span, earliest);
        closedAt = new Date(Math.min(Math.max(closeTime, start + DAY), today - 3_600_000));
        const cycle = Math.max(closedAt.getTime() - start, 3_600_000);
        const created = new Date(closedAt.getTime() - cycle);
        if (won) {
          path = stagePath(world, 'M5', created, cycle * 0.95);
          path.push({ milestone: 'M6', at: closedAt });
        } else {
          path = stagePath(world, reached, created, cycle * 0.9);
        }
        stageEnteredAt = closedAt;
      }
      const created = path[0]?.at ?? stageEnteredAt;
      const milestone = path[path.length - 1]?.milestone ?? 'M1';
      const id = world.idAt(created);
      const year = new Date(created.getTime() + 60 * DAY).getUTCFullYear();
      const title = world.rng.pick(titles).replace('{y}', String(year));

      const lines: { productId: string; quantity: number; unitPrice: number }[] = [];
      if (world.rng.chance(0.25)) {
        for (let l = world.rng.int(1, 3); l > 0; l--) {
          const p = world.rng.int(0, catalogue.length - 1);
          const price = catalogue[p]?.price ?? 100_000;
          lines.push({
            productId: productIds[p] ?? '',
            quantity: world.rng.int(1, 20),
            unitPrice: Math.round((price * (0.85 + world.rng.float() * 0.15)) / 100) * 100,
          });
        }
      }
      const amount = lines.length > 0 ? linesAmount(lines) : amountFen(world);
      const closedOn = closedAt ? dayOf(closedAt) : null;
      const expectedCloseOn = closedOn
        ? addDays(closedOn, world.rng.int(-30, 30))
        : addDays(
            dayOf(world.today),
            world.rng.chance(0.1) ? -world.rng.int(1, 30) : world.rng.int(7, 200),
          );
      const isKey = isOpen && world.rng.chance(0.08);
      const contacts = world.contactIds.get(customer.id) ?? [];
      const withBrief = isKey && contacts.length > 0;
      const pick = (list: readonly string[]) =>
        withBrief && world.rng.chance(0.8) ? world.rng.pick(list) : null;
      const last = closedAt ?? stageEnteredAt;
      out.insert('deals', {
        id,
        customer_id: customer.id,
        owner_id: ownerId,
        title,
        amount,
        expected_close_on: expectedCloseOn,
        milestone,
        status,
        stage_entered_at: stageEnteredAt.toISOString(),
        lost_reason: status === 'lost' ? world.rng.pick(lostReasons) : null,
        closed_on: closedOn,
        next_step: isOpen ? world.rng.pick(briefs.next) : null,
        is_key: isKey ? 1 : 0,
        contact_id: withBrief ? (contacts[0] ?? null) : null,
        contact_problem: pick(briefs.problem),
        contact_cause: pick(briefs.cause),
        contact_vision: pick(briefs.vision),
        contact_value: pick(briefs.value),
        decider_id: withBrief && world.rng.chance(0.7) ? (contacts[1] ?? null) : null,
        decider_problem: pick(briefs.problem),
        decider_cause: pick(briefs.cause),
        decider_vision: pick(briefs.vision),
        decider_value: pick(briefs.value),
        ...rowMeta(created, ownerId),
        updated_at: last.toISOString(),
      });
      world.deals.push({
        id,
        ownerId,
        milestone,
        status,
        created,
        stageEnteredAt,
        closedAt,
        path,
      });
      for (const line of lines)
        out.insert('deal_lines', {
          id: world.idAt(created),
          deal_id: id,
          product_id: line.productId,
          quantity: line.quantity,
          unit_price: line.unitPrice,
          ...rowMeta(created, ownerId),
        });

      // History: creation, then one move per stage entered, then the loss.
      const history = (
        from: { milestone: Milestone; status: string } | null,
        to: { milestone: Milestone; status: string },
        at: Date,
        reason: string | null,
      ) =>
        out.insert('stage_history', {
          id: world.idAt(at),
          deal_id: id,
          customer_id: customer.id,
          from_milestone: from?.milestone ?? null,
          from_status: from?.status ?? null,
          to_milestone: to.milestone,
          to_status: to.status,
          at: at.toISOString(),
          by_user_id: ownerId,
          forced: 0,
          reason,
          ...rowMeta(at, ownerId),
        });
      const tick = (criterion: string, at: Date) =>
        out.insert('deal_checks', {
          id: world.idAt(at),
          deal_id: id,
          criterion,
          checked: 1,
          checked_by: ownerId,
          checked_at: at.toISOString(),
          ...rowMeta(at, ownerId),
        });
      path.forEach((step, k) => {
        const prev = path[k - 1];
        const toStatus = step.milestone === 'M6' ? 'won' : 'open';
        if (prev) {
          // The criteria of the stage left were ticked shortly before leaving it.
          for (const c of exitCriteria[prev.milestone])
            tick(c, new Date(step.at.getTime() - 3_600_000));
        }
        history(
          prev ? { milestone: prev.milestone, status: 'open' } : null,
          { milestone: step.milestone, status: toStatus },
          step.at,
          null,
        );
      });
      if (status === 'lost' && closedAt)
        history({ milestone, status: 'open' }, { milestone, status: 'lost' }, closedAt, null);
      if (status === 'open') {
        // Work in progress: some of the current stage's criteria already ticked.
        for (const c of exitCriteria[milestone])
          if (world.rng.chance(0.4))
            tick(c, new Date(stageEnteredAt.getTime() + (today - stageEnteredAt.getTime()) / 2));
      }
      if (status === 'won' && closedOn)
        out.insert('receivables', {
          id: world.idAt(last),
          deal_id: id,
          customer_id: customer.id,
          amount,
          due_on: addDays(closedOn, 30),
          ...rowMeta(last, ownerId),
        });
    }
  },
};
