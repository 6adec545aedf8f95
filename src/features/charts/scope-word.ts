import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { Assessment, Meta } from '@contract/types';

/** "全省" / "the province": how an assessment's scope is named in rank phrases. */
export function scopeWord(meta: Meta, a: Assessment, lang: Lang): string {
  const scope = meta.regions.find((r) => r.id === a.scope);
  // (1.1) A ranking body outside the data (a province ranking its cities) is named by scopeName.
  if (!scope) return a.scopeName?.[lang] ?? a.scope ?? '';
  return translator(lang)(`rank.scope.${scope.level}`);
}
