import { messages } from './define';

/**
 * The text of a table exported to Excel (issue 8: a report, the customer list, the board as a
 * list) that the app's screens do not already say. Column headers reuse the screens' labels.
 */
export const exporttables = messages({
  en: {
    exportTables: {
      /** The key figures sheet: one small two-column table per kind of value. */
      figure: 'Figure',
      values: {
        text: 'Value',
        integer: 'Count',
        decimal: 'Value',
        money: 'Amount',
        percent: 'Rate',
        date: 'Date',
        datetime: 'Time',
        days: 'Days',
      },
      /** A target metric split into columns: "Sales · target". */
      metricPart: '{{metric}} · {{part}}',
      peers: 'Ranked among',
      status: 'Status',
      title: '{{what}} · {{scope}} · {{period}} ({{from}} – {{to}})',
      subtitle: '{{generated}} · figures as of {{day}}',
      capped:
        'The report lists at most {{limit, number}} records: these are the first {{shown, number}} of {{total, number}}. Choose a shorter period or a narrower scope to see the rest.',
      listTitle: '{{what}} · {{scope}} · {{day}}',
      filters: 'Filters: {{filters}}',
      search: 'search “{{text}}”',
      range: '{{from}} – {{to}}',
      count: '{{count, number}} rows',
      customers: {
        fileName: 'Customers',
        lastVisit: 'Last visit',
        daysSinceVisit: 'Days since visit',
        lastContact: 'Last contact',
        daysSince: 'Days since contact',
        overdueDays: 'Days overdue',
        team: 'Team',
        empty: 'No customers match these filters.',
      },
      deals: {
        fileName: 'Deals',
        sheet: 'Deals',
        flag: 'Score flag',
        closedOn: 'Closed',
        openClose: 'open deals expected to close {{range}}',
        closedWindow: 'won and lost deals closed {{range}}',
        amount: 'amount {{range}}',
        empty: 'No deals match these filters.',
      },
    },
  },
  'zh-CN': {
    exportTables: {
      figure: '指标',
      values: {
        text: '内容',
        integer: '数量',
        decimal: '数值',
        money: '金额',
        percent: '比率',
        date: '日期',
        datetime: '时间',
        days: '天数',
      },
      metricPart: '{{metric}}{{part}}',
      peers: '参与排名',
      status: '状态',
      title: '{{what}} · {{scope}} · {{period}}（{{from}} – {{to}}）',
      subtitle: '{{generated}} · 数据截至 {{day}}',
      capped:
        '报表最多列出 {{limit, number}} 条记录：此处为共 {{total, number}} 条中的前 {{shown, number}} 条。请选择更短的期间或更小的范围查看其余记录。',
      listTitle: '{{what}} · {{scope}} · {{day}}',
      filters: '筛选：{{filters}}',
      search: '搜索“{{text}}”',
      range: '{{from}} 至 {{to}}',
      count: '共 {{count, number}} 行',
      customers: {
        fileName: '客户列表',
        lastVisit: '最近拜访',
        daysSinceVisit: '距上次拜访天数',
        lastContact: '最近联系',
        daysSince: '距上次联系天数',
        overdueDays: '超期天数',
        team: '团队',
        empty: '没有符合筛选条件的客户。',
      },
      deals: {
        fileName: '销售机会',
        sheet: '销售机会',
        flag: '评分标记',
        closedOn: '结案日期',
        openClose: '进行中的机会预计 {{range}} 成交',
        closedWindow: '赢单与丢单于 {{range}} 结案',
        amount: '金额 {{range}}',
        empty: '没有符合筛选条件的销售机会。',
      },
    },
  },
});
