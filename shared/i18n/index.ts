import { en, type Messages } from './en';
import { zhCN } from './zh-CN';

export const catalogues: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
export type { Messages };

/** The app's language for a system locale: Chinese locales get 简体中文, all others English. */
export function languageForLocale(locale: string | undefined): 'zh-CN' | 'en' {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
