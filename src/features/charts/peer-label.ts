import type { Lang } from '@/lib/i18n';
import type { Meta, Region } from '@contract/types';

const LEVEL_WORDS = {
  province: ['个省', 'provinces'],
  city: ['个市', 'cities'],
  district: ['个区', 'districts'],
  township: ['个镇/街道', 'townships'],
} as const;

/** "全市4个区" style label for a set of sibling regions: "海口市4个区" / "the 4 districts of Haikou". */
export function peerGroupLabel(meta: Meta, peers: readonly Region[], lang: Lang): string {
  const first = peers[0];
  if (!first) return '';
  const [zh, en] = LEVEL_WORDS[first.level];
  const parentId = first.parent;
  const sameParent = parentId !== null && peers.every((p) => p.parent === parentId);
  const parent = sameParent ? meta.regions.find((r) => r.id === parentId) : undefined;
  if (lang === 'zh') return `${parent?.name.zh ?? ''}${peers.length}${zh}`;
  return parent ? `the ${peers.length} ${en} of ${parent.name.en}` : `${peers.length} ${en}`;
}
