import type { Lang } from '@/lib/i18n';
import type { Assessment, Meta } from '@contract/types';

/** "全省" / "the province": how an assessment's scope is named in rank phrases. */
export function scopeWord(meta: Meta, a: Assessment, lang: Lang): string {
  const scope = meta.regions.find((r) => r.id === a.scope);
  if (!scope) return a.scope;
  const words = {
    province: ['全省', 'the province'],
    city: ['全市', 'the city'],
    district: ['全区', 'the district'],
    township: ['全镇', 'the township'],
  } as const;
  return words[scope.level][lang === 'zh' ? 0 : 1];
}
