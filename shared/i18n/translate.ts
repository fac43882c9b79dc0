import { catalogues } from '.';

export type Language = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;

/**
 * A message of a catalogue with its `{{params}}` filled in, for text written outside React
 * (the CLI, exported workbooks). Numbers are formatted for the language; an unknown key comes
 * back as the key, as i18next does.
 */
export function translate(language: Language, key: string, params: MessageParams = {}): string {
  let node: unknown = catalogues[language];
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null && Object.hasOwn(node, part)
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)(?:\s*,\s*number)?\s*\}\}/g, (_m, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return '';
    return typeof value === 'number' ? value.toLocaleString(language) : value;
  });
}

/** `translate` bound to one language. */
export function translator(language: Language): (key: string, params?: MessageParams) => string {
  return (key, params) => translate(language, key, params);
}
