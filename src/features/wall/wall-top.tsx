import type { T } from '@/lib/i18n';
import { WallClock } from './wall-clock';
import { hhmm, oldestUpdate } from './wall-params';

/** Title, the clock, the data's as-of date, when the data was fetched, and the demo marker. */
export function WallTop({
  title,
  subtitle,
  badges,
  dataAsOf,
  demo,
  updatedAt,
  lost,
  t,
}: {
  title: string;
  subtitle: string;
  /** What every card would say ("初步数据"), said once here. */
  badges: readonly string[];
  dataAsOf: string | null;
  demo: boolean;
  updatedAt: readonly number[];
  lost: boolean;
  t: T;
}) {
  const fetched = oldestUpdate(updatedAt);
  return (
    <header className="wall-top">
      <div className="wall-top__titles">
        <h1 className="wall-top__title">
          {title}
          {demo && <span className="wall-demo">{t('app.demo')}</span>}
        </h1>
        {subtitle && (
          <p className="wall-top__subtitle">
            {subtitle}
            {badges.map((b) => (
              <span key={b} className="wall-top__badge">
                {b}
              </span>
            ))}
          </p>
        )}
      </div>
      <div className="wall-top__status">
        {dataAsOf && <p>{t('wall.asOf', { date: dataAsOf })}</p>}
        {fetched !== null && (
          <p className={lost ? 'wall-stale' : undefined} role={lost ? 'alert' : undefined}>
            {t(lost ? 'wall.lost' : 'wall.updated', { time: hhmm(fetched) })}
          </p>
        )}
      </div>
      <WallClock t={t} />
    </header>
  );
}
