import { messages } from './define';

/** Messages of the handover feature. */
export const handover = messages({
  en: { handover: { title: 'handover' } },
  'zh-CN': { handover: { title: 'handover' } },
});
