import type { ActivityCategory } from '../../shared/domain/activities';
import { addDays } from '../../shared/domain/grading';
import { rowMeta, type DemoCustomer, type DemoPart, type DemoWorld } from './world';

type LoggedKind = 'call' | 'message' | 'note';

/** What a rep writes down, by category and kind: short, in the rep's own shorthand. */
const bodies: Record<ActivityCategory, Record<LoggedKind, string[]>> = {
  development: {
    call: [
      '电话初次联系采购经理，介绍公司和产品线，对方愿意了解',
      '电话沟通现有供应商使用情况，客户反映交期不稳定',
      '致电技术总监，了解生产线改造计划，约下周面谈',
      '电话回访展会留资，客户对自动化方案有兴趣',
      '与总经理助理通话，确认决策流程：技术评估后由总经理拍板',
    ],
    message: [
      '微信发送公司介绍和案例资料，客户已读',
      '发送产品选型手册，请对方转给技术部门',
      '微信约拜访时间，客户回复周四下午可以',
    ],
    note: [
      '客户目前使用竞品，合同年底到期，是切入机会',
      '经转介绍认识，对方关心售后响应速度',
      '客户今年有扩产计划，预算在审批中',
    ],
  },
  negotiation: {
    call: [
      '电话沟通报价，客户要求下周给方案',
      '与采购经理电话谈价格，对方希望再降 5%',
      '电话确认技术参数，客户要求增加远程监控功能',
      '与决策人通话，对方认可方案价值，要求分期付款',
      '电话跟进方案评审结果，技术部已通过，待商务谈判',
    ],
    message: [
      '邮件发送正式报价单和合同草稿',
      '微信发送修改后的方案，标注了交付周期',
      '发送样品测试报告，客户反馈数据满意',
    ],
    note: [
      '客户内部比较三家供应商，我方技术领先但价格偏高',
      '决策人出差两周，合同签署顺延',
      '法务对付款条款有意见，需要公司财务确认',
    ],
  },
  maintenance: {
    call: [
      '电话回访设备使用情况，运行稳定',
      '客户来电反映配件磨损，已安排工程师上门',
      '电话确认下季度订货计划，预计与上季度持平',
      '致电财务经理催收尾款，对方答应月底前付清',
      '电话沟通续约事宜，客户希望增加培训服务',
    ],
    message: [
      '微信发送保养提醒和节日问候',
      '发送新品资料，客户表示可以安排试用',
      '邮件发送对账单，请客户确认',
    ],
    note: [
      '客户满意度较高，可作为案例客户',
      '客户采购负责人更换，需要重新建立关系',
      '年度框架协议执行过半，订单量略低于预期',
    ],
  },
};

const followUpTexts = [
  '回电确认报价',
  '发送修改后的方案',
  '预约拜访总经理',
  '跟进合同条款',
  '寄送样品',
  '确认交货时间',
  '催收货款',
  '邀请参加新品发布会',
  '回访设备使用情况',
  '提交技术方案',
  '约技术总监做演示',
  '确认下季度订货计划',
];

/** What a manager takes on for a rep's customer (slide 43: the manager joins the key visits). */
const managerFollowUpTexts = [
  '陪同拜访决策人',
  '审核报价方案',
  '与客户高层通话',
  '评审关键机会的下一步骤',
];

const DAY = 86_400_000;

/** How many entries a customer's history holds: more for customers we sell to, fewer for prospects. */
function entryCount(world: DemoWorld, status: string): number {
  if (status === 'customer') return world.rng.int(4, 12);
  if (status === 'lost') return world.rng.int(2, 6);
  return world.rng.int(1, 6);
}

/** The kind of work at a point of the customer's life (0 = first contact, 1 = today). */
function categoryAt(world: DemoWorld, status: string, phase: number): ActivityCategory {
  if (status === 'customer')
    return phase < 0.3 ? 'development' : phase < 0.55 ? 'negotiation' : 'maintenance';
  if (status === 'lost') return phase < 0.5 ? 'development' : 'negotiation';
  return phase < 0.75 || world.rng.chance(0.5) ? 'development' : 'negotiation';
}

/** A moment in China's working hours (09:00–18:00 +08:00) on a day between `from` and `to`, kept within both. */
function workingMoment(world: DemoWorld, from: Date, to: Date): Date {
  const day = world.between(from, to);
  const at = new Date(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      1 + world.rng.int(0, 8),
      world.rng.int(0, 59),
    ),
  );
  return at < from ? from : at > to ? to : at;
}

function timelineOf(
  world: DemoWorld,
  customer: DemoCustomer,
  out: Parameters<DemoPart['run']>[1],
): void {
  const count = entryCount(world, customer.status);
  const moments = Array.from({ length: count }, () =>
    workingMoment(world, customer.createdAt, world.today),
  ).sort((a, b) => a.getTime() - b.getTime());
  // Reps keep in touch with most customers they sell to: their latest contact is recent.
  const recentFrom = new Date(
    Math.max(customer.createdAt.getTime(), world.today.getTime() - 45 * DAY),
  );
  if (customer.status === 'customer' && world.rng.chance(0.7) && moments.length > 0) {
    moments[moments.length - 1] = workingMoment(world, recentFrom, world.today);
    moments.sort((a, b) => a.getTime() - b.getTime());
  }
  const life = Math.max(1, world.today.getTime() - customer.createdAt.getTime());
  // Newest first: the last-contact trigger then updates the customer once, not once per entry.
  for (const at of moments.reverse()) {
    const kind = world.rng.weighted([
      ['call', 50],
      ['message', 30],
      ['note', 20],
    ] as const);
    const category = categoryAt(
      world,
      customer.status,
      (at.getTime() - customer.createdAt.getTime()) / life,
    );
    out.insert('activities', {
      id: world.idAt(at),
      customer_id: customer.id,
      contact_id: null,
      user_id: customer.ownerId,
      kind,
      category,
      at: at.toISOString(),
      body: world.rng.pick(bodies[category][kind]),
      ...rowMeta(at, customer.ownerId),
    });
  }
}

function followUpsOf(
  world: DemoWorld,
  customer: DemoCustomer,
  managerId: string | undefined,
  today: string,
  out: Parameters<DemoPart['run']>[1],
): void {
  // Done ones: the history of to-dos kept, each completed around its due day.
  const done = customer.status === 'customer' ? world.rng.int(0, 3) : world.rng.int(0, 1);
  for (let i = 0; i < done; i++) {
    const created = world.between(customer.createdAt, world.today);
    const due = new Date(
      Math.min(world.today.getTime(), created.getTime() + world.rng.int(1, 14) * DAY),
    );
    const doneAt = new Date(
      Math.min(world.today.getTime(), due.getTime() + world.rng.int(-2, 3) * DAY),
    );
    out.insert('follow_ups', {
      id: world.idAt(created),
      customer_id: customer.id,
      owner_id: customer.ownerId,
      due_on: due.toISOString().slice(0, 10),
      text: world.rng.pick(followUpTexts),
      done_at: (doneAt < created ? created : doneAt).toISOString(),
      ...rowMeta(created, customer.ownerId),
      updated_at: (doneAt < created ? created : doneAt).toISOString(),
    });
  }
  if (customer.status === 'lost') return;
  // Open ones, due around today so My follow-ups has overdue, today and upcoming items.
  const open = world.rng.weighted([
    [0, 30],
    [1, 50],
    [2, 20],
  ] as const);
  for (let i = 0; i < open; i++) {
    const offset = world.rng.weighted([
      [() => -world.rng.int(1, 10), 25],
      [() => 0, 10],
      [() => world.rng.int(1, 14), 40],
      [() => world.rng.int(15, 45), 25],
    ] as const)();
    const created = world.between(
      new Date(Math.max(customer.createdAt.getTime(), world.today.getTime() - 20 * DAY)),
      world.today,
    );
    const byManager = managerId !== undefined && world.rng.chance(0.12);
    out.insert('follow_ups', {
      id: world.idAt(created),
      customer_id: customer.id,
      owner_id: byManager ? managerId : customer.ownerId,
      due_on: addDays(today, offset),
      text: world.rng.pick(byManager ? managerFollowUpTexts : followUpTexts),
      done_at: null,
      ...rowMeta(created, customer.ownerId),
    });
  }
}

/**
 * Each customer's communication history (about five entries on average, more for
 * customers we sell to), written by its owner over the customer's life, and follow-ups:
 * done ones in the past, open ones due around today (a few of them the team manager's).
 */
export const activitiesPart: DemoPart = {
  name: 'activities',
  tables: ['activities', 'follow_ups'],
  run(world, out) {
    const today = world.today.toISOString().slice(0, 10);
    const teamOf = new Map(world.users.map((u) => [u.id, u.teamId]));
    const managerOf = new Map(
      world.users.filter((u) => u.role === 'manager').map((u) => [u.teamId, u.id]),
    );
    for (const customer of world.customers) {
      timelineOf(world, customer, out);
      followUpsOf(world, customer, managerOf.get(teamOf.get(customer.ownerId) ?? ''), today, out);
    }
  },
};
