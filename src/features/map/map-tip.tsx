/**
 * The floating tooltip of the map view: beside the region under the pointer, the tapped one or
 * the focused one, inside the map's panel, never over the region where there is room elsewhere.
 * It is also the map's live region, so a screen reader hears the same figures it shows.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { T } from '@/lib/i18n';
import type { MapModel, MapRegion } from './map-model';
import { placeTip } from './tip-place';

interface Props {
  model: MapModel;
  shown: MapRegion | null;
  /** The positioned box the tip floats in (the map's canvas). */
  panel: RefObject<HTMLDivElement | null>;
  /** The map's drawn width: the tip is placed again when it changes. */
  width: number;
  t: T;
  onDismiss: () => void;
}

export function MapTip({ model, shown, panel, width, t, onDismiss }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // Moved beside the region once both are laid out: a measurement, so done on the DOM.
  useLayoutEffect(() => {
    const box = panel.current;
    const own = ref.current;
    if (!own) return;
    const id = shown?.region.id;
    const region = [...(box?.querySelectorAll('[data-region]') ?? [])].find(
      (el) => el.getAttribute('data-region') === id,
    );
    // Nothing to show: the tip is empty and takes no room (it stays in the accessibility tree
    // so that a screen reader hears it when it fills).
    if (!box || !region) {
      delete own.dataset.side;
      return;
    }
    const origin = box.getBoundingClientRect();
    const r = region.getBoundingClientRect();
    const place = placeTip(
      { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height },
      { width: own.offsetWidth, height: own.offsetHeight },
      { x: 0, y: 0, width: box.clientWidth, height: box.clientHeight },
    );
    own.style.transform = `translate(${Math.round(place.x)}px, ${Math.round(place.y)}px)`;
    own.dataset.side = place.side;
  }, [panel, shown, width]);
  // Esc hides it wherever focus is (WCAG 1.4.13: dismissable without moving the pointer), and
  // so does a tap anywhere off the map (a finger has no pointerleave to hide it).
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onDismiss();
    };
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node && panel.current?.contains(e.target))) onDismiss();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [shown, onDismiss, panel]);
  return (
    <div ref={ref} className="map-tip" role="status" aria-live="polite">
      {shown && (
        <>
          <strong>{shown.name}</strong>
          <span className="map-tip__value">{shown.valueText}</span>
          {model.baselineYear !== null && (
            <span>
              {t('map.vsBaseline', { year: model.baselineYear })}{' '}
              <span className="map-tip__change">{shown.changeText}</span>
            </span>
          )}
          <span>{shown.rankText}</span>
        </>
      )}
    </div>
  );
}
