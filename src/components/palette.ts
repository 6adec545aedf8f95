/**
 * Okabe–Ito qualitative colours (safe for the common colour-vision deficiencies) with the
 * institutional blue reserved for the selected region. Series are also told apart by dash
 * pattern so that a greyscale print still separates them.
 */
export const SELECTED = '#1d3f8f';
export const SERIES = [
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#7f7f7f',
  '#b8860b',
  '#000000',
];
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4', '3 6'];
export const GOOD = '#0f6e7a';
export const BAD = '#c2410c';
export const NEUTRAL = '#5b6472';

export interface SeriesStyle {
  color: string;
  dash: string;
  width: number;
}

/** The look of the series at position `i` when it is not selected. */
export function ownStyle(i: number): SeriesStyle {
  return {
    color: SERIES[i % SERIES.length] ?? '#555',
    dash: DASHES[i % DASHES.length] ?? '',
    width: 2,
  };
}

/**
 * Styles for a chart's series, in order. The first selected series takes the institutional
 * blue; further selected ones (townships compared side by side) keep their own colour but are
 * drawn as thick, so each stays identifiable.
 */
export function seriesStyles(series: readonly { selected: boolean }[]): SeriesStyle[] {
  let selectedSeen = 0;
  return series.map((s, i) => {
    const own = ownStyle(i);
    if (!s.selected) return own;
    return selectedSeen++ === 0
      ? { color: SELECTED, dash: '', width: 3.5 }
      : { ...own, dash: '', width: 3.5 };
  });
}
