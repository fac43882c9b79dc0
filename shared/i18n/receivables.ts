import { messages } from './define';

/** Messages of the receivables feature. */
export const receivables = messages({
  en: { receivables: { title: 'receivables' } },
  'zh-CN': { receivables: { title: 'receivables' } },
});
