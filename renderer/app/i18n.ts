import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, languageForLocale } from '../../shared/i18n';

export type Language = 'zh-CN' | 'en';

/** The system's language as the app understands it. */
export function systemLanguage(): Language {
  return languageForLocale(navigator.language);
}

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: catalogues['zh-CN'] },
    en: { translation: catalogues.en },
  },
  lng: systemLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches every screen's language (and the document's, for fonts and screen readers). */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

export { i18next };
