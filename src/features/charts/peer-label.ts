import type { Lang } from '@/lib/i18n';
import { translator } from '@/lib/i18n';
import type { Meta, Region } from '@contract/types';

/** "全市4个区" style label for a set of sibling regions: "海口市4个区" / "the 4 districts of Haikou". */
export function peerGroupLabel(meta: Meta, peers: readonly Region[], lang: Lang): string {
  const first = peers[0];
  if (!first) return '';
  const t = translator(lang);
  const parentId = first.parent;
  const sameParent = parentId !== null && peers.every((p) => p.parent === parentId);
  const parent = sameParent ? meta.regions.find((r) => r.id === parentId) : undefined;
  const words = { n: peers.length, levels: t(`peers.levels.${first.level}`) };
  return parent
    ? t('peers.group', { ...words, parent: parent.name[lang] })
    : t('peers.groupNoParent', words);
}
