import { messages } from './define';

/**
 * The sales intensity score's words (domain.md §4, slides 37–41): dimensions, every level of
 * the five ladders, the two columns, bands, calibration flags, coaching hints and errors.
 */
export const intensity = messages({
  en: {
    dimensions: {
      problem: 'Problem',
      power: 'Power',
      vision: 'Vision',
      value: 'Value',
      control: 'Control',
    },
    dimensionHelp: {
      problem: 'Has the buyer admitted the problem and the pain?',
      power: 'Do you reach the people who decide, and do they move?',
      vision: 'Does the buyer share your solution and vision?',
      value: 'Is there a clear value the buyer believes in?',
      control: 'Do you control the buying process, in writing?',
    },
    reachedWith: {
      contact: 'With the contact (经办人)',
      decider: 'With the decision maker (决策者)',
    },
    reachedWithShort: {
      contact: 'Contact',
      decider: 'Decision maker',
    },
    levels: {
      problem: {
        cannot_describe: 'Seller cannot describe the need, pain or cause',
        assumes_need: 'Seller assumes the customer’s need',
        assumes_pain: 'Seller assumes the pain',
        admits_need: 'Customer admits the need',
        admits_cause: 'Customer admits the cause or symptoms',
        admits_pain: 'Customer admits the pain',
      },
      power: {
        dm_unknown: 'Decision maker unknown',
        dm_known: 'Decision maker known',
        process_understood: 'Buying and decision process understood',
        contact_will_introduce: 'Contact agrees to introduce the decision maker',
        dm_agrees_explore: 'Decision maker agrees to explore',
        dm_agrees_value_plan: 'Decision maker agrees the value plan',
        dm_agrees_proposal: 'Decision maker agrees the proposal',
        dm_agrees_buy: 'Decision maker agrees to buy',
      },
      vision: {
        none_or_competitor: 'No vision created, or a competitor’s vision',
        product_vision: 'Vision created around the product',
        differentiated: 'Differentiated vision',
        customer_agrees: 'Customer agrees the vision',
      },
      value: {
        not_identified: 'Value not identified',
        not_quantifiable: 'The solution the customer asks for cannot be quantified',
        seller_identifies: 'Seller identifies the value',
        customer_states: 'Customer states the value',
        customer_verifies: 'Customer verifies the value',
        verified_together: 'Customer and seller verify the value together',
        agreed_financial: 'Customer agrees the joint value and it meets financial criteria',
      },
      control: {
        nothing_written: 'Nothing in writing',
        contact_states_pain: 'Contact states and admits the problem and pain',
        contact_introduces_dm: 'Contact introduces the decision maker',
        dm_discusses_solutions: 'Decision maker admits the problem and discusses solutions',
        dm_revises_plan: 'Decision maker confirms and further revises the plan',
        pre_proposal_review: 'Pre-proposal review held',
        evaluation_plan_done: 'Evaluation plan completed',
      },
    },
    bands: {
      weak: 'Weak',
      developing: 'Developing',
      strong: 'Strong',
    },
    flags: {
      overClaimed: 'Over-claimed',
      stale: 'Stale score',
      unscored: 'Not scored',
    },
    flagHelp: {
      overClaimed:
        'The milestone’s probability is {{probability}}% but the intensity score is {{total}}: 30 points or more apart.',
      stale: 'Last scored {{days, number}} days ago (more than 30).',
      unscored: 'This open deal has never been scored.',
    },
    coaching: {
      problem:
        'Problem: go back to probing and listening — get the buyer to say the pain in their own words, then take it to the decision maker.',
      power:
        'Power: the manager joins the next decision-maker visit (主管参与关键机会的针对性拜访).',
      vision:
        'Vision: build a differentiated vision with the buyer instead of presenting the product; role-play it in the next coaching session.',
      value:
        'Value: quantify the value with the customer and verify it together against their financial criteria.',
      control:
        'Control: put the agreed steps in writing — a letter to the contact, an evaluation plan with the decision maker.',
    },
    contradiction: '“{{criterion}}” is ticked, but {{dimension}} is scored at “{{level}}”{{who}}.',
    contradictionWho: ' with the {{with}}',
    contradictionNeeds: 'The criterion needs at least “{{level}}”{{who}}.',
    scoreErrors: {
      dealClosed: 'This deal is closed; only open deals are scored.',
      dealGone: 'This deal no longer exists.',
      repGone: 'This person no longer exists.',
    },
  },
  'zh-CN': {
    dimensions: {
      problem: '问题',
      power: '权力',
      vision: '愿景',
      value: '价值',
      control: '控制',
    },
    dimensionHelp: {
      problem: '购买者是否已经承认问题和痛苦？',
      power: '是否接触到有决策权的人，他们是否行动？',
      vision: '购买者是否认同你提出的解决方案和愿景？',
      value: '是否有显著价值引起购买者共鸣？',
      control: '你能否控制购买流程，并有书面记录？',
    },
    reachedWith: {
      contact: '经办人层面',
      decider: '决策者层面',
    },
    reachedWithShort: {
      contact: '经办人',
      decider: '决策者',
    },
    levels: {
      problem: {
        cannot_describe: '销售人员无法描述需求、痛苦或原因',
        assumes_need: '销售人员假设客户需求',
        assumes_pain: '销售人员假设痛苦',
        admits_need: '客户承认需求',
        admits_cause: '客户承认原因/症状',
        admits_pain: '客户承认痛苦',
      },
      power: {
        dm_unknown: '不知决策者是谁',
        dm_known: '已知决策者是谁',
        process_understood: '了解购买与决策流程',
        contact_will_introduce: '经办人同意引荐决策者',
        dm_agrees_explore: '决策者同意继续探究',
        dm_agrees_value_plan: '决策者同意价值计划内容',
        dm_agrees_proposal: '决策者同意提案内容',
        dm_agrees_buy: '决策者同意购买',
      },
      vision: {
        none_or_competitor: '未创造愿景/或竞争性愿景',
        product_vision: '以产品为前提创造愿景',
        differentiated: '区隔愿景',
        customer_agrees: '客户同意愿景',
      },
      value: {
        not_identified: '未找出价值',
        not_quantifiable: '客户要求的解决方案无法量化',
        seller_identifies: '销售人员找出价值',
        customer_states: '客户陈述该价值',
        customer_verifies: '客户进行价值验证',
        verified_together: '客户与销售人员共同进行价值验证',
        agreed_financial: '客户同意共同价值并符合财务标准',
      },
      control: {
        nothing_written: '无任何书面记录',
        contact_states_pain: '经办人陈述并承认问题和痛苦',
        contact_introduces_dm: '经办人引荐决策者',
        dm_discusses_solutions: '决策者承认问题并探讨解决方案',
        dm_revises_plan: '决策者确认并进一步修改方案',
        pre_proposal_review: '进行提案前审查',
        evaluation_plan_done: '评估计划完成',
      },
    },
    bands: {
      weak: '偏弱',
      developing: '推进中',
      strong: '强',
    },
    flags: {
      overClaimed: '虚高',
      stale: '评分过期',
      unscored: '未评分',
    },
    flagHelp: {
      overClaimed: '里程碑盈率为 {{probability}}%，销售强度评分仅 {{total}} 分：相差 30 分及以上。',
      stale: '上次评分在 {{days, number}} 天前（超过 30 天）。',
      unscored: '这个进行中的机会还没有评分。',
    },
    coaching: {
      problem: '问题：回到探察聆听——让购买者用自己的话说出痛苦，再把它带到决策者层面。',
      power: '权力：主管参与下一次决策者拜访（主管参与关键机会的针对性拜访）。',
      vision: '愿景：与购买者一起建立区隔愿景，而不是陈列产品；在下次辅导会上做角色扮演。',
      value: '价值：与客户一起量化价值，并按其财务标准共同验证。',
      control: '控制：把达成的步骤写成书面——给经办人的信函、与决策者的评估计划。',
    },
    contradiction: '已勾选“{{criterion}}”，但{{dimension}}评分为“{{level}}”{{who}}。',
    contradictionWho: '（{{with}}）',
    contradictionNeeds: '该标准至少需要“{{level}}”{{who}}。',
    scoreErrors: {
      dealClosed: '该机会已结束，只能给进行中的机会评分。',
      dealGone: '该机会已不存在。',
      repGone: '该人员已不存在。',
    },
  },
});
