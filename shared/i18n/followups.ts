import { messages } from './define';

/** Messages of the followups feature. */
export const followups = messages({
  en: { followups: { title: 'followups' } },
  'zh-CN': { followups: { title: 'followups' } },
});
