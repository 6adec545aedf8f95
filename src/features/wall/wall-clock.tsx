import { useEffect, useState } from 'react';
import type { T } from '@/lib/i18n';
import { hhmm } from './wall-params';

/**
 * The clock: its own state and timer, so the tick re-renders this span only, not the screen.
 * Ticks each second but renders a new text once a minute (React skips an equal state).
 */
export function WallClock({ t }: { t: T }) {
  const [now, setNow] = useState(() => hhmm(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setNow(hhmm(new Date())), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="wall-clock" aria-label={t('wall.clock', { time: now })}>
      {now}
    </time>
  );
}
