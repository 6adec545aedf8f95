// Minimal data server for the dashboard's wire contract v1: node:http only, no dependencies.
// Serves GET {BASE_PATH}/meta, /observations and /rankings from one JSON file shaped like
// sample-data.json ({ meta, observations, rankings }). The file is read once at start-up.
//   DATA=/srv/jindu/data.json PORT=8787 ALLOW_ORIGIN=https://dashboard.example.gov.cn \
//     node docs/examples/minimal-server.mjs
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const env = process.env;
const file = env.DATA ?? new URL('sample-data.json', import.meta.url);
const data = JSON.parse(readFileSync(file, 'utf8'));
const base = env.BASE_PATH ?? '/api/v1';
const origin = env.ALLOW_ORIGIN ?? '*';
const credentials = env.ALLOW_CREDENTIALS === 'true'; // for config.json "apiCredentials": "include"
if (credentials && origin === '*')
  throw new Error('ALLOW_CREDENTIALS needs an explicit ALLOW_ORIGIN');
const ids = (v) => (v ? new Set(v.split(',').filter(Boolean)) : null);
const year = (v) => (v === null ? null : /^\d{4}$/.test(v) ? Number(v) : NaN);
const under = (id, set = new Set()) => {
  set.add(id); // the region and every region below it
  for (const r of data.meta.regions) if (r.parent === id && !set.has(r.id)) under(r.id, set);
  return set;
};

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const q = (k) => url.searchParams.get(k);
  const send = (status, body) => {
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (origin !== '*') res.setHeader('Vary', 'Origin');
    if (credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Cache-Control', 'no-cache'); // browsers revalidate with If-None-Match
    res.setHeader('ETag', etag);
    if (status === 200 && req.headers['if-none-match'] === etag) return res.writeHead(304).end();
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(json);
  };
  const error = (status, code, message) => send(status, { error: { code, message } });
  if (req.method !== 'GET') return error(405, 'method-not-allowed', 'GET only');
  const [from, to] = [year(q('from')), year(q('to'))];
  if (Number.isNaN(from) || Number.isNaN(to)) return error(400, 'bad-year', 'from/to: a year');
  const inYears = (r) => (from === null || r.year >= from) && (to === null || r.year <= to);
  const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : null;
  if (path === '/meta') return send(200, data.meta);
  if (path === '/observations') {
    const [regions, inds] = [q('region') && under(q('region')), ids(q('indicator'))];
    const keep = (o) =>
      inYears(o) && (!regions || regions.has(o.region)) && (!inds || inds.has(o.indicator));
    return send(200, { observations: data.observations.filter(keep) });
  }
  if (path === '/rankings') {
    const only = ids(q('assessment'));
    return send(200, {
      rankings: data.rankings.filter((r) => inYears(r) && (!only || only.has(r.assessment))),
    });
  }
  error(404, 'not-found', `no such endpoint: ${url.pathname}`);
}).listen(Number(env.PORT ?? 8787), env.HOST ?? '127.0.0.1', () => {
  console.log(`listening on http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 8787}${base}`);
});
