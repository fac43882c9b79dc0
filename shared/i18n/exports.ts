import { messages } from './define';

/** Excel exports from the app: the weekly pack dialog, table export buttons, errors (issue 8). */
export const exports = messages({
  en: {
    exports: {
      toExcel: 'Export to Excel',
      pack: {
        button: 'Export weekly meeting pack',
        title: 'Export weekly meeting pack',
        intro:
          'One Excel workbook for the sales meeting: targets, funnel, key opportunities, visits and the weekly reports.',
        week: 'Week',
        mondayHint: 'It is Monday: last week is picked, the one the meeting reviews.',
        scope: 'Scope',
        company: 'Whole company',
        teams: 'Teams',
        language: 'Workbook language',
        export: 'Export',
      },
      progress: {
        start: 'Preparing the export…',
        data: 'Collecting the figures…',
        build: 'Building the workbook…',
        save: 'Saving the file…',
        done: 'Saved.',
      },
      result: {
        title: 'Exported',
        folder: 'Saved in {{folder}}',
        reveal: 'Open folder',
        revealFailed: 'The folder could not be opened here. The file is in {{folder}}.',
        keptExisting:
          'A file named “{{name}}” was already in this folder: it is kept as it was, and this export got the name above.',
        replaced: 'It replaced the file of the same name that was in this folder.',
      },
      failed: 'The export did not finish',
      errors: {
        folderMissing: 'The folder {{folder}} does not exist: create it, or save somewhere else.',
        readOnly: 'Pacer cannot write in {{folder}}. Choose a folder you can save to.',
        diskFull: 'The disk is full: free some space and export again.',
        locked: '{{file}} is open in another program. Close it in Excel and retry.',
        isFolder: '{{file}} is a folder. Choose a file name.',
        notAFolder: '{{file}} is a file, not a folder: save into a folder, or choose another path.',
        write: 'The file could not be written: {{file}}.',
        noHost: 'This window cannot ask where to save files.',
        packNeedsTeam:
          'The weekly meeting pack covers a team: your manager makes it. Export your own lists and reports instead.',
      },
    },
  },
  'zh-CN': {
    exports: {
      toExcel: '导出 Excel',
      pack: {
        button: '导出周会资料',
        title: '导出周会资料',
        intro: '一份用于销售周会的 Excel 工作簿：目标达成、销售漏斗、关键机会、拜访执行与周报。',
        week: '周次',
        mondayHint: '今天是周一，已默认选择上周，即周会要回顾的一周。',
        scope: '范围',
        company: '全公司',
        teams: '团队',
        language: '资料语言',
        export: '导出',
      },
      progress: {
        start: '正在准备导出…',
        data: '正在汇总数据…',
        build: '正在生成工作簿…',
        save: '正在保存文件…',
        done: '已保存。',
      },
      result: {
        title: '导出完成',
        folder: '保存在 {{folder}}',
        reveal: '打开文件夹',
        revealFailed: '此处无法打开文件夹。文件位于 {{folder}}。',
        keptExisting:
          '此文件夹中已有名为“{{name}}”的文件：原文件保持不变，本次导出使用上面的文件名。',
        replaced: '已替换此文件夹中的同名文件。',
      },
      failed: '导出未完成',
      errors: {
        folderMissing: '文件夹 {{folder}} 不存在：请先创建它，或保存到其他位置。',
        readOnly: '无法写入 {{folder}}，请选择可保存的文件夹。',
        diskFull: '磁盘已满：请清理空间后重新导出。',
        locked: '{{file}} 正被其他程序打开。请在 Excel 中关闭后重试。',
        isFolder: '{{file}} 是一个文件夹，请输入文件名。',
        notAFolder: '{{file}} 是一个文件，不是文件夹：请保存到文件夹中，或换一个路径。',
        write: '无法写入文件：{{file}}。',
        noHost: '此窗口无法选择保存位置。',
        packNeedsTeam: '周会资料按团队生成，由你的经理导出。你可以导出自己的列表和报表。',
      },
    },
  },
});
