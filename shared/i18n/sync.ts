import { messages } from './define';

/** Team folder: the header indicator, Settings → Team folder, "changes from the team" (issue 9). */
export const sync = messages({
  en: { sync: { title: 'Team folder' } },
  'zh-CN': { sync: { title: '团队文件夹' } },
});
