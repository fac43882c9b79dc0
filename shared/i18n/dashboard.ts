import { messages } from './define';

/** The dashboard's getting-started panel for a new team (issue 14). */
export const dashboard = messages({
  en: {
    gettingStarted: {
      title: 'Getting started',
      text: 'Five steps to get your team going. Each one ticks itself off when it is done.',
      progress: '{{done, number}} of {{total, number}} done',
      dismiss: 'Hide these steps',
      done: 'Done',
      steps: {
        people: {
          title: 'Add your people',
          text: 'Add the reps (and other managers) of your team.',
          action: 'Open Team',
        },
        customers: {
          title: 'Import your customers',
          text: 'Bring in the customer list from a spreadsheet, or add customers one by one.',
          action: 'Open Customers',
        },
        targets: {
          title: 'Set this period’s targets',
          text: 'Set the sales targets, and let Pacer spread them over the months and weeks.',
          action: 'Open Targets',
        },
        plan: {
          title: 'Plan this week',
          text: 'Plan the week’s customer visits in the calendar.',
          action: 'Open the calendar',
        },
        teamFolder: {
          title: 'Share the team folder',
          text: 'Choose a shared folder so the team’s laptops stay in step.',
          action: 'Open Settings',
        },
      },
    },
  },
  'zh-CN': {
    gettingStarted: {
      title: '开始使用',
      text: '五步让团队用起来。每完成一步，这里会自动打勾。',
      progress: '已完成 {{done, number}} / {{total, number}}',
      dismiss: '不再显示',
      done: '已完成',
      steps: {
        people: {
          title: '添加团队成员',
          text: '添加团队的业务员（以及其他经理）。',
          action: '打开团队',
        },
        customers: {
          title: '导入客户',
          text: '从表格导入客户名单，或逐个新建客户。',
          action: '打开客户',
        },
        targets: {
          title: '设定本期目标',
          text: '设定销售目标，由 Pacer 分解到各月和各周。',
          action: '打开目标',
        },
        plan: {
          title: '安排本周拜访',
          text: '在日历中计划本周的客户拜访。',
          action: '打开日历',
        },
        teamFolder: {
          title: '共享团队文件夹',
          text: '选择一个共享文件夹，让团队各台电脑的数据保持同步。',
          action: '打开设置',
        },
      },
    },
  },
});
