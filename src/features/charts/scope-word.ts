import type { Assessment, Lang, Meta } from '@/features/data/types';
import { translator } from '@/lib/i18n';

/** "全省" / "the province": how an assessment's scope is named in rank phrases. */
export function scopeWord(meta: Meta, a: Assessment, lang: Lang): string {
  const scope = meta.regions.find((r) => r.id === a.scope);
  if (!scope) return a.scope;
  return translator(lang)(`rank.scope.${scope.level}`);
}
