import { messages } from './define';

/** Messages of the deals feature. */
export const deals = messages({
  en: { deals: { title: 'deals' } },
  'zh-CN': { deals: { title: 'deals' } },
});
