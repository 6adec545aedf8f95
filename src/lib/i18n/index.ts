/**
 * i18next holds the catalogues and does interpolation and fallback; the current language is
 * not i18next's state but the URL's (`?lang=en`), so we only ever use fixed translators.
 */
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { en } from './en';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const instance = i18next.createInstance();
void instance.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
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

export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}
