/**
 * The catalogues and translators fixed to one language. Lookup of a dotted key and `{{name}}`
 * filling are rosetta's (298 bytes; i18next, 15 KB gzipped, was most of the first load's i18n
 * cost and the app uses nothing else of it: numbers are formatted by lib/format before they
 * reach a string). Here: the fall back to Chinese, and catalogues that arrive in parts.
 * The current language is the URL's (`?lang=en`), so translators are fixed to one language.
 * Chinese, the working language, comes with the first load; English is fetched when asked for
 * (`loadLanguage`: start-up for an English link, the language switch before it switches).
 * The Chinese words of what loads on demand (views, charts, tables, exports, the report dialog)
 * come with it too (`loadViewStrings`, awaited by every on-demand loader next to its chunk).
 */
import rosetta from 'rosetta';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

interface Catalogue {
  [key: string]: string | Catalogue;
}

const catalogues: Record<Lang, Catalogue> = { zh: {}, en: {} };

function merge(into: Catalogue, from: Catalogue): void {
  for (const [key, value] of Object.entries(from)) {
    const here = into[key];
    if (typeof value === 'object' && typeof here === 'object') merge(here, value);
    else into[key] = typeof value === 'object' ? structuredClone(value) : value;
  }
}
merge(catalogues.zh, zh);

// rosetta reads the same objects `merge` fills, so parts that arrive later are found.
const i18n = rosetta<Catalogue>(catalogues);

/** A translator: the text of `key` in its language (else Chinese, else the key itself). */
export type T = (key: string, values?: object) => string;

function text(lang: Lang, key: string, values: object | undefined): string | null {
  const found: unknown = i18n.t(key, values ?? {}, lang);
  return typeof found === 'string' && found !== '' ? found : null;
}

function fixed(lang: Lang): T {
  return (key, values) => text(lang, key, values) ?? text('zh', key, values) ?? key;
}

const cache = new Map<Lang, T>();
export function translator(lang: Lang): T {
  let t = cache.get(lang);
  if (!t) cache.set(lang, (t = fixed(lang)));
  return t;
}

let english: Promise<void> | null = null;

/** Makes `lang`'s catalogue available; resolves at once for Chinese. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'zh') return Promise.resolve();
  english ??= import('./en').then(
    ({ en }) => merge(catalogues.en, en),
    (error: unknown) => {
      english = null; // the language button tries again
      throw error;
    },
  );
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
    ({ zhViews }) => merge(catalogues.zh, zhViews),
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
