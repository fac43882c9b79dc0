import { messages } from './define';

/** Local backups and restore, the damaged-database screen (issue 9). */
export const backup = messages({
  en: { backup: { title: 'Backups' } },
  'zh-CN': { backup: { title: '备份' } },
});
