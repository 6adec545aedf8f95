import type { Indicator, Programme } from '@contract/types';

/**
 * The filter bar's view-specific controls. The indicator and programme carry the value the
 * charts show (the chosen one, else the view's default), so the select never disagrees with them.
 */
export interface Controls {
  /** The comparison-year select. */
  compare: boolean;
  /** The township checkboxes under a chosen district. */
  towns: boolean;
  /** The indicator select, showing this indicator; no select when null. */
  indicator: Indicator | null;
  /** The programme select, showing this programme; no select when null. */
  programme: Programme | null;
}

export const NO_CONTROLS: Controls = {
  compare: false,
  towns: false,
  indicator: null,
  programme: null,
};

/** The overview's controls: the comparison year and the townships of the chosen district. */
export const HEADLINE_CONTROLS: Controls = {
  compare: true,
  towns: true,
  indicator: null,
  programme: null,
};
