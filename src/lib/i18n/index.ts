/**
 * i18next holds the catalogues and does interpolation and fallback; the current language is
 * not i18next's state but the URL's (`?lang=en`), so we only ever use fixed translators.
 * Chinese, the working language, comes with the first load; English is fetched when asked for
 * (`loadLanguage`: start-up for an English link, the language switch before it switches).
 */
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const instance = i18next.createInstance();
void instance.init({
  resources: { zh: { translation: zh } },
  lng: 'zh',
  fallbackLng: 'zh',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes; exports write text nodes, never HTML
  returnNull: false,
});

export type T = TFunction;

const cache = new Map<Lang, T>();
export function translator(lang: Lang): T {
  let t = cache.get(lang);
  if (!t) cache.set(lang, (t = instance.getFixedT(lang)));
  return t;
}

let english: Promise<void> | null = null;

/** Makes `lang`'s catalogue available; resolves at once for Chinese. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'zh') return Promise.resolve();
  english ??= import('./en').then(({ en }) => {
    instance.addResourceBundle('en', 'translation', en);
  });
  return english;
}

export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}
