import { messages } from './define';

/** Messages of the imports feature. */
export const imports = messages({
  en: { imports: { title: 'imports' } },
  'zh-CN': { imports: { title: 'imports' } },
});
