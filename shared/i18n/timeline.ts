import { messages } from './define';

/** Messages of the timeline feature. */
export const timeline = messages({
  en: { timeline: { title: 'timeline' } },
  'zh-CN': { timeline: { title: 'timeline' } },
});
