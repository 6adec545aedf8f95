/**
 * The same data as a revision 1.0 server would serve it: none of 1.1's optional fields and no
 * capabilities. Tests and the bench run the dashboard against both.
 */
import type {
  WireAssessment,
  WireDataset,
  WireIndicator,
  WireObservation,
  WireRegion,
} from './wire-types';

function region({ id, level, parent, name }: WireRegion): WireRegion {
  return { id, level, parent, name };
}

function indicator(i: WireIndicator): WireIndicator {
  const rest = { ...i };
  delete rest.aggregation;
  return rest;
}

function observation(o: WireObservation): WireObservation {
  if (o.status === undefined) return o;
  const rest = { ...o };
  delete rest.status;
  return rest;
}

/** A 1.0 assessment needs a scope region: one ranked from outside the data has none and is left out. */
function assessments(list: readonly WireAssessment[]): WireAssessment[] {
  return list.filter((a) => a.scope !== null).map(({ id, name, scope }) => ({ id, name, scope }));
}

export function asVersion10(dataset: WireDataset): WireDataset {
  const meta = { ...dataset.meta };
  delete meta.capabilities;
  delete meta.dataVersion;
  const kept = assessments(meta.assessments);
  const keptIds = new Set(kept.map((a) => a.id));
  return {
    meta: {
      ...meta,
      regions: meta.regions.map(region),
      indicators: meta.indicators.map(indicator),
      assessments: kept,
    },
    observations: dataset.observations.map(observation),
    rankings: dataset.rankings.filter((r) => keptIds.has(r.assessment)),
  };
}
