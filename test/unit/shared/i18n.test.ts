import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, languageForLocale } from '../../../shared/i18n';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const en = new Set(keys(catalogues.en));

describe('message catalogues', () => {
  it('Chinese and English have exactly the same keys, none empty', () => {
    expect(keys(catalogues['zh-CN']).sort()).toEqual([...en].sort());
    for (const language of ['en', 'zh-CN'] as const) {
      for (const key of keys(catalogues[language])) {
        const value = key
          .split('.')
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            catalogues[language],
          );
        expect(value, `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('every literal key the renderer and the main process use exists', () => {
    const used = new Set<string>();
    for (const file of [...files('renderer'), ...files('electron'), ...files('shared/contract')]) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g))
        used.add(match[1] ?? '');
      for (const match of source.matchAll(/'((?:errors|validation)\.[a-zA-Z]+)'/g))
        used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !en.has(key));
    expect(missing).toEqual([]);
  });

  it('placeholders match between the languages', () => {
    for (const key of en) {
      const get = (language: 'en' | 'zh-CN') =>
        String(
          key
            .split('.')
            .reduce<unknown>(
              (node, part) => (node as Record<string, unknown>)[part],
              catalogues[language],
            ),
        );
      const names = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
      expect(names(get('zh-CN')), key).toEqual(names(get('en')));
    }
  });

  it('picks the language from the system locale', () => {
    expect(languageForLocale('zh-CN')).toBe('zh-CN');
    expect(languageForLocale('zh-TW')).toBe('zh-CN');
    expect(languageForLocale('en-US')).toBe('en');
    expect(languageForLocale('de')).toBe('en');
    expect(languageForLocale(undefined)).toBe('en');
  });
});
