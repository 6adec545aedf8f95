/**
 * The drawing of a league's bars, from their layout: the one component both the screen and the
 * exported file use (like plot-layer.tsx for lines). Pure: no hooks, no state, presentation
 * attributes only. List colours always come with words (the key, the places, the change words).
 */
import type { BarLayout, BarRowLayout, BarTone, ChangeTone, KeyItem } from './bar-layout';
import { BAR_FONT } from './bar-layout';
import { AXIS, INK, MUTED } from './plot-layer';

/**
 * 红榜 red and 黑榜 black, as a Chinese reader expects them (not the better/worse colours, which
 * stay with the change words). Both ≥ 3:1 on white, and apart in greyscale and for colour-blind
 * readers by lightness: in between light grey, red mid-dark, black darkest.
 */
export const BAR_FILL: Record<BarTone, string> = {
  top: '#de2910',
  middle: '#c3cad5',
  bottom: '#262626',
  none: '#7d93b8',
};
const CHANGE_FILL: Record<ChangeTone, string> = {
  better: '#0f6e7a',
  worse: '#b93a0b',
  plain: MUTED,
};
export const SELECTED = '#1d3f8f';
const SELECTED_BAND = '#eaf0fa';
const GRID = '#e3e7ee';
const ZERO = '#aab3c2';
const TARGET = INK;

function Key({ item }: { item: KeyItem }) {
  return (
    <g data-key={item.kind}>
      {item.kind === 'target' ? (
        <line
          x1={item.x + 5}
          x2={item.x + 5}
          y1={item.y - 10}
          y2={item.y + 3}
          stroke={TARGET}
          strokeWidth={2}
        />
      ) : (
        <rect x={item.x} y={item.y - 9} width={11} height={11} fill={BAR_FILL[item.kind]} />
      )}
      <text x={item.x + 16} y={item.y} fontSize={BAR_FONT.key} fill={INK}>
        {item.text}
      </text>
    </g>
  );
}

function Row({ row }: { row: BarRowLayout }) {
  const weight = row.selected ? 700 : undefined;
  return (
    <g
      className="bar-row"
      data-region={row.id}
      data-tone={row.tone}
      data-selected={row.selected ? 'true' : undefined}
    >
      {row.rank && (
        <text
          x={row.rank.x}
          y={row.rank.y}
          fontSize={BAR_FONT.name}
          fill={MUTED}
          textAnchor="end"
          fontWeight={weight}
        >
          {row.rank.text}
        </text>
      )}
      <text x={row.name.x} y={row.name.y} fontSize={BAR_FONT.name} fill={INK} fontWeight={weight}>
        {row.name.text}
      </text>
      {row.bar && (
        <rect
          className="bar"
          x={row.bar.x}
          y={row.bar.y}
          width={row.bar.w}
          height={row.bar.h}
          fill={BAR_FILL[row.tone]}
          stroke={row.selected ? SELECTED : undefined}
          strokeWidth={row.selected ? 2.5 : undefined}
        />
      )}
      {row.target && (
        <g>
          {/* A white edge keeps the dark mark seen across a black (黑榜) or red bar. */}
          <line
            className="bar-target-edge"
            x1={row.target.x}
            x2={row.target.x}
            y1={row.target.y1}
            y2={row.target.y2}
            stroke="#ffffff"
            strokeWidth={5}
          />
          <line
            className="bar-target"
            x1={row.target.x}
            x2={row.target.x}
            y1={row.target.y1}
            y2={row.target.y2}
            stroke={TARGET}
            strokeWidth={2}
          />
        </g>
      )}
      <text
        className="bar-value"
        x={row.value.x}
        y={row.value.y}
        fontSize={BAR_FONT.name}
        fill={row.value.muted ? MUTED : INK}
        fontWeight={weight}
      >
        {row.value.text}
      </text>
      {row.change && (
        <text
          className="bar-change"
          x={row.change.x}
          y={row.change.y}
          fontSize={BAR_FONT.note}
          fill={CHANGE_FILL[row.change.tone]}
          textAnchor={row.change.anchor}
        >
          {row.change.text}
        </text>
      )}
      {row.met && (
        <text
          className="bar-met"
          x={row.met.x}
          y={row.met.y}
          fontSize={BAR_FONT.note}
          fill={INK}
          textAnchor={row.met.anchor}
        >
          {row.met.text}
        </text>
      )}
    </g>
  );
}

export function BarLayer({ layout, noData }: { layout: BarLayout; noData: string }) {
  const { plot } = layout;
  return (
    <g className="bars">
      {layout.rows.map(
        (r) =>
          r.selected && (
            <rect
              key={r.id}
              className="bar-selected-band"
              x={0}
              y={r.top}
              width={layout.width}
              height={r.pitch}
              fill={SELECTED_BAND}
            />
          ),
      )}
      <g className="bar-key">
        {layout.key.map((k) => (
          <Key key={k.kind} item={k} />
        ))}
      </g>
      <g className="bar-x-axis">
        {layout.xTicks.map((t) => (
          <g key={t.value}>
            <line
              x1={t.x}
              x2={t.x}
              y1={plot.top}
              y2={plot.bottom}
              stroke={t.x === layout.zeroX ? ZERO : GRID}
            />
            <text
              x={t.x}
              y={plot.bottom + 15}
              fontSize={BAR_FONT.tick}
              fill={MUTED}
              textAnchor="middle"
            >
              {t.label}
            </text>
          </g>
        ))}
        {layout.axisTitle.map((l) => (
          <text key={l.y} x={l.x} y={l.y} fontSize={BAR_FONT.title} fill={AXIS} textAnchor="middle">
            {l.text}
          </text>
        ))}
      </g>
      <g className="bar-rows">
        {layout.rows.map((r) => (
          <Row key={r.id} row={r} />
        ))}
      </g>
      {layout.empty && (
        <text
          x={(plot.left + plot.right) / 2}
          y={Math.max(plot.top + 20, plot.bottom - 8)}
          fontSize={14}
          fill={MUTED}
          textAnchor="middle"
        >
          {noData}
        </text>
      )}
    </g>
  );
}
