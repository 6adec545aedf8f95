/**
 * i18next holds the catalogues and does interpolation and fallback; the current language is
 * not i18next's state but the URL's (`?lang=en`), so we only ever use fixed translators.
 * Chinese, the working language, comes with the first load; English is fetched when asked for
 * (`loadLanguage`: start-up for an English link, the language switch before it switches).
 * The Chinese words of what loads on demand (views, charts, tables, exports, the report dialog)
 * come with it too (`loadViewStrings`, awaited by every on-demand loader next to its chunk).
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

let views: Promise<void> | null = null;

/**
 * Adds the Chinese words of the on-demand parts (zh-views.ts) to the catalogue. Every loader of
 * such a part awaits it alongside the part's chunk (`withViewStrings`), in either language:
 * Chinese is also the fallback, and a reader may switch to it at any time.
 */
export function loadViewStrings(): Promise<void> {
  views ??= import('./zh-views').then(
    ({ zhViews }) => {
      instance.addResourceBundle('zh', 'translation', zhViews, true, false);
    },
    (error: unknown) => {
      views = null; // a later attempt (the panel's retry, the next view) fetches it again
      throw error;
    },
  );
  return views;
}

/** Loads a module that renders on-demand words together with those words. */
export function withViewStrings<M>(load: () => Promise<M>): () => Promise<M> {
  return () => Promise.all([load(), loadViewStrings()]).then(([m]) => m);
}

export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}
