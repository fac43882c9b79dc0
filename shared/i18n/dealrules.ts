import { messages } from './define';

/** The deal rules' messages (errors the deals and products methods answer with). */
export const dealrules = messages({
  en: {
    dealErrors: {
      checklistIncomplete:
        'Tick every exit criterion first ({{count}} missing), or ask a manager to force the move with a reason.',
      criterionMissing: 'Not ticked yet',
      forceNeedsManager: 'Only a manager can force a move past unticked exit criteria.',
      forceNeedsReason: 'Say why the move is forced.',
      changedMeanwhile: '{{name}} changed this deal just now ({{at}}). Reload it and try again.',
      movedMeanwhile:
        'This deal moved to another milestone meanwhile. Reload it to see its checklist.',
      criterionLater:
        'This exit criterion belongs to a later milestone: tick it in the move dialog when the deal moves past it.',
      criterionNotPassed: 'This exit criterion belongs to a milestone this move does not pass.',
      closed: 'This deal is closed. A manager can reopen it to an open milestone.',
      reopenNeedsManager: 'Only a manager can reopen a closed deal.',
      sameMilestone: 'The deal is already at this milestone.',
      wonNeedsDate: 'Enter the day the contract was signed (not after today).',
      wonNeedsAmount: 'Enter the final contract amount.',
      lostNeedsReason: 'Say why the deal was lost.',
      closeDateFar: 'The expected close date must lie between {{min}} and {{max}}.',
      amountFromLines: 'This deal has product lines: its amount is their sum.',
      closedAmount: 'A closed deal’s amount cannot change. Reopen it first.',
      closedLines: 'A closed deal’s product lines cannot change. Reopen it first.',
      contactNotOfCustomer: 'Pick a contact of this deal’s customer.',
      customerUnknown: 'That customer does not exist.',
      productUnknown: 'That product does not exist or is retired.',
      productNameTaken: 'A product named “{{name}}” already exists.',
      hasCollections: 'Money was already collected on this deal; it cannot be reopened.',
    },
  },
  'zh-CN': {
    dealErrors: {
      checklistIncomplete:
        '请先勾选全部退出标准（还差 {{count}} 项），或由销售经理填写原因后强制推进。',
      criterionMissing: '尚未勾选',
      forceNeedsManager: '只有销售经理可以在退出标准未完成时强制推进。',
      forceNeedsReason: '请说明强制推进的原因。',
      changedMeanwhile: '{{name}}刚刚修改了这个机会（{{at}}），请刷新后重试。',
      movedMeanwhile: '这个机会已被移到其他里程碑，请刷新查看最新的检查清单。',
      criterionLater: '该退出标准属于后面的里程碑：请在推进时的对话框中勾选。',
      criterionNotPassed: '该退出标准不属于这次推进经过的里程碑。',
      closed: '这个机会已结案，销售经理可以将其重新打开。',
      reopenNeedsManager: '只有销售经理可以重新打开已结案的机会。',
      sameMilestone: '机会已处于该里程碑。',
      wonNeedsDate: '请填写签约日期（不能晚于今天）。',
      wonNeedsAmount: '请填写最终合同金额。',
      lostNeedsReason: '请说明丢单原因。',
      closeDateFar: '预计成交日期须在 {{min}} 至 {{max}} 之间。',
      amountFromLines: '该机会有产品明细，金额为明细合计。',
      closedAmount: '已结案机会的金额不能修改，请先重新打开。',
      closedLines: '已结案机会的产品明细不能修改，请先重新打开。',
      contactNotOfCustomer: '请选择该客户的联系人。',
      customerUnknown: '该客户不存在。',
      productUnknown: '该产品不存在或已停用。',
      productNameTaken: '已存在名为“{{name}}”的产品。',
      hasCollections: '该机会已有回款，不能重新打开。',
    },
  },
});
