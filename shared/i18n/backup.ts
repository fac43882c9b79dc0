import { messages } from './define';

/** Local backups and restore, the damaged-database screen (issue 9). */
export const backup = messages({
  en: {
    backup: {
      title: 'Backups',
      text: 'Pacer copies this database every day into {{folder}} and keeps the newest {{keep}}.',
      none: 'No backups yet.',
      when: 'Made',
      size: 'Size',
      now: 'Back up now',
      made: 'Backed up',
      restore: 'Restore…',
      restoreTitle: 'Restore this backup?',
      restoreText:
        'This database is replaced by the copy from {{time}}: whatever was entered since is no longer in it. The current database is kept beside it as {{file}}.before-restore-….bak. Pacer then restarts.',
      restoreConfirm: 'Restore and restart',
      restarting: 'Restarting…',
      backupDamaged: 'This backup is damaged and cannot be restored: choose another.',
      damaged: {
        title: 'Pacer’s database is damaged',
        detail:
          '{{file}} could not be read safely ({{problem}}). It is kept as it is; nothing will overwrite it without your choice.',
        restore: 'Restore the latest backup ({{time}})',
        rebuild: 'Rebuild from the team folder',
        quit: 'Quit',
        noBackup: 'There is no backup to restore.',
        chooseFolder: 'Choose the team folder to rebuild from',
        failed: 'That did not work: {{message}}',
      },
    },
  },
  'zh-CN': {
    backup: {
      title: '备份',
      text: '销售节拍每天把本数据库复制一份到 {{folder}}，保留最近 {{keep}} 份。',
      none: '还没有备份。',
      when: '备份时间',
      size: '大小',
      now: '立即备份',
      made: '已备份',
      restore: '恢复…',
      restoreTitle: '恢复这份备份？',
      restoreText:
        '本数据库将被 {{time}} 的备份替换：之后录入的内容将不再保留。当前数据库会保留在同一文件夹中，名为 {{file}}.before-restore-….bak。随后销售节拍会重新启动。',
      restoreConfirm: '恢复并重启',
      restarting: '正在重启…',
      backupDamaged: '这份备份已损坏，无法恢复，请选择其他备份。',
      damaged: {
        title: '销售节拍的数据库已损坏',
        detail: '无法安全读取 {{file}}（{{problem}}）。该文件保持原样，未经你的选择不会被覆盖。',
        restore: '恢复最近的备份（{{time}}）',
        rebuild: '从团队文件夹重建',
        quit: '退出',
        noBackup: '没有可恢复的备份。',
        chooseFolder: '选择用于重建的团队文件夹',
        failed: '操作未成功：{{message}}',
      },
    },
  },
});
