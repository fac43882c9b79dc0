import { messages } from './define';

/** Messages of the dealrules feature. */
export const dealrules = messages({
  en: { dealrules: { title: 'dealrules' } },
  'zh-CN': { dealrules: { title: 'dealrules' } },
});
