/**
 * How each line looks, decided in one place for the screen and every file. A region's colour
 * and dash come from its id (a hash into Okabe–Ito colours × dash patterns), so it looks the
 * same in every chart and file and keeps its look when the data change; the dash keeps lines
 * apart in a greyscale print. Within one chart no two series share a look.
 */
export const COLORS = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
  '#8c6d1f',
] as const;
const DASHES = ['', '6 3', '2 3', '8 3 2 3'] as const;
/** The parent region drawn among its parts: a neutral dark reference line. */
export const REFERENCE = '#2b3340';
/** Lines that are not chosen in a chart too crowded to tell them apart. */
export const QUIET = '#b7bfcb';

/** More lines than this and only the chosen ones keep their colours. */
export const DISTINGUISHABLE = 8;

export interface SeriesStyle {
  color: string;
  dash: string;
  width: number;
  /** Dot radius; 0 draws no dots. */
  r: number;
  /** Drawn quietly: behind the others, thinner. */
  quiet: boolean;
}

export interface StyledInput {
  id: string;
  selected: boolean;
  /** The parent region among its parts. */
  reference?: boolean;
}

const LOOKS = COLORS.length * DASHES.length;

/** FNV-1a: a stable, well-spread number for an id. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function look(k: number): { color: string; dash: string } {
  // Colours vary fastest: the first collisions move to another colour, not only a dash.
  return {
    color: COLORS[k % COLORS.length] ?? COLORS[0],
    dash: DASHES[Math.floor(k / COLORS.length) % DASHES.length] ?? '',
  };
}

/** The look a region has wherever nothing else in the chart already took it. */
export function regionLook(id: string): { color: string; dash: string } {
  return look(hash(id) % LOOKS);
}

/**
 * Styles for one chart's series, in their order. Looks are handed out in id order, so which
 * of two colliding regions keeps its own look does not depend on how a chart lists them.
 */
export function seriesStyles(series: readonly StyledInput[]): SeriesStyle[] {
  const taken = new Set<number>();
  const lookOf = new Map<string, number>();
  const coloured = series.filter((s) => !s.reference);
  const crowded = coloured.length > DISTINGUISHABLE;
  const claimants = crowded ? coloured.filter((s) => s.selected) : coloured;
  const colours = new Set<number>();
  for (const s of [...claimants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const own = hash(s.id) % LOOKS;
    // Another colour first (a dash alone is a weak difference on screen); a shared colour
    // with another dash only once every colour is in use.
    let k = own;
    for (let i = 0; i < LOOKS && (taken.has(k) || colours.has(k % COLORS.length)); i++)
      k = (own + i) % LOOKS;
    if (taken.has(k) || colours.has(k % COLORS.length)) {
      k = own;
      for (let i = 0; i < LOOKS && taken.has(k); i++) k = (own + i) % LOOKS;
    }
    taken.add(k);
    colours.add(k % COLORS.length);
    lookOf.set(s.id, k);
  }
  return series.map((s) => {
    const selectedWidth = 3.5;
    if (s.reference)
      return {
        color: REFERENCE,
        dash: '',
        width: s.selected ? selectedWidth : 2.25,
        r: 3,
        quiet: false,
      };
    const k = lookOf.get(s.id);
    if (k === undefined) return { color: QUIET, dash: '', width: 1.25, r: 0, quiet: true };
    const own = look(k);
    return {
      ...own,
      width: s.selected ? selectedWidth : 2,
      r: s.selected ? 4 : 3,
      quiet: false,
    };
  });
}
