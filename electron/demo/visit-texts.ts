import type { VisitPurpose } from '../../shared/domain/visits';

/** What reps write in visit plans and summaries (拜访计划表 / 拜访总结表): short, in their own shorthand. */

export const visitGoals: Record<VisitPurpose, readonly string[]> = {
  develop: [
    '初次拜访，介绍公司和解决方案',
    '拜访采购经理，了解供应商评估流程',
    '约见技术总监，了解产线自动化需求',
    '转介绍客户，建立联系',
    '展会留资回访，确认需求',
  ],
  info: [
    '了解客户明年的扩产计划和预算',
    '摸清决策链：谁提需求、谁拍板',
    '了解现有供应商的合作情况',
    '收集设备使用数据，为方案做准备',
  ],
  collect: ['催收上月货款', '对账并确认付款时间', '跟进尾款支付进度', '送发票，确认到账时间'],
  service: ['设备巡检，回访使用情况', '上门培训操作人员', '季度回访，听取意见', '陪同工程师做保养'],
  problem: [
    '处理设备报警问题',
    '处理交货延迟投诉',
    '现场确认质量问题，商量解决办法',
    '解释价格调整，安抚客户',
  ],
  order: [
    '确认下季度订货计划',
    '洽谈年度框架协议',
    '递交报价，争取本月下单',
    '确认备件订单数量和交期',
  ],
  other: ['送节日礼品，维护关系', '陪同经理拜访客户高层', '邀请参加新品发布会'],
};

/** 洽谈结果 of an effective visit, by purpose. */
export const effectiveOutcomes: Record<VisitPurpose, readonly string[]> = {
  develop: [
    '见到采购经理，对方愿意安排技术交流',
    '客户认可我们的案例，同意下周提供需求清单',
    '初步建立联系，拿到设备部负责人电话',
    '客户愿意试用样机',
  ],
  info: [
    '确认明年扩建两条产线，预算约 300 万',
    '摸清决策流程：技术部评估，总经理拍板',
    '现有供应商交期不稳，客户有意引入第二家',
    '拿到设备清单，可以出初步方案',
  ],
  collect: [
    '客户确认本月 25 日前付款',
    '对账无误，财务已走付款流程',
    '收到承兑汇票一张',
    '客户同意分两次付清尾款',
  ],
  service: [
    '设备运行正常，客户满意',
    '培训完成，操作人员已能独立操作',
    '更换易损件，约定下次保养时间',
    '客户提出增加一台备用机的想法',
  ],
  problem: [
    '问题已现场解决，客户认可',
    '确认是操作问题，已重新培训',
    '同意免费更换故障部件',
    '客户接受新的交货计划',
  ],
  order: [
    '客户口头确认下单，合同本周发出',
    '签订备件订单',
    '框架协议条款基本谈妥，待法务审核',
    '客户追加订单',
  ],
  other: ['客户高层认可合作，同意年后深入交流', '关系维护良好', '客户答应参加发布会'],
};

/** 洽谈结果 of a visit that moved nothing forward. */
export const ineffectiveOutcomes: readonly string[] = [
  '客户临时开会，只见到助理，留下资料',
  '对方不是决策人，需要重新约',
  '客户对价格顾虑大，暂无进展',
  '客户近期没有采购计划',
  '对接人离职，需要重新建立联系',
];

export const cancelledReasons: readonly string[] = [
  '客户临时外出，改期到下周',
  '客户有内部会议，取消',
  '客户要求改为电话沟通',
  '临时安排处理其他客户投诉',
];

export const missedReasons: readonly string[] = [
  '前一家客户拜访超时，未能赶到',
  '路上堵车，错过约定时间',
  '临时被叫回公司开会',
];

export const problemsHandled: readonly string[] = [
  '更换传感器，设备恢复正常',
  '解释发票开具规则，客户理解',
  '协调仓库加急发货',
  '提供操作视频，解决误操作问题',
  '确认质保范围，故障件免费更换',
];

export const competitorInfo: readonly string[] = [
  '竞品报价比我们低 8%，但交期要 60 天',
  '竞品最近在推分期付款方案',
  '客户在试用竞品的视觉检测设备',
  '竞品销售每周都来拜访',
];

export const customerFeedback: readonly string[] = [
  '希望交期再缩短一周',
  '对售后响应速度满意',
  '希望价格能再优惠一些',
  '说明书希望有更详细的中文版',
  '希望有专人对接',
];

export const customerNews: readonly string[] = [
  '客户新厂区明年投产',
  '客户采购负责人更换',
  '客户拿到一个大订单，产能吃紧',
  '客户正在做数字化转型规划',
];

export const learnings: readonly string[] = [
  '先约技术再谈商务，推进更顺',
  '带上案例视频，效果比资料好',
  '拜访前应先确认决策人行程',
  '客户更关心交期而不是价格',
];

export const nextActions: readonly string[] = [
  '下周发送正式报价',
  '两周后回访',
  '约技术总监做演示',
  '寄送样品',
  '准备合同草稿',
  '月底前再次催款',
];
