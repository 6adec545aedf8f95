import type { Campaign, Meta } from '@contract/types';

/** The years the animation steps through: the campaign's years that meta has, else all. */
export function playYears(meta: Meta, campaign: Campaign | null): number[] {
  if (!campaign) return meta.years;
  return meta.years.filter((y) => y >= campaign.startYear && y <= campaign.endYear);
}
