// Minimal data server for the dashboard's wire contract v1 (revision 1.1): node:http only, no
// dependencies. Serves GET {BASE_PATH}/meta, /observations and /rankings from one JSON file
// shaped like sample-data.json or sample-data-1.1.json ({ meta, observations, rankings }),
// read once at start-up. It honours every 1.1 query feature (region lists, depth, level,
// region on /rankings) whether or not the file's meta lists them in `capabilities`.
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
const LEVELS = ['province', 'city', 'district', 'township'];
class BadRequest extends Error {}
const bad = (message) => {
  throw new BadRequest(message);
};
const list = (name, v) => {
  if (v === null) return null; // a comma list; an empty item (a,,b) is malformed
  const items = v.split(',');
  return items.includes('') ? bad(`${name}: empty list item`) : new Set(items);
};
const int = (name, v, re) => (v === null ? null : re.test(v) ? Number(v) : bad(`${name}: ${v}`));
const below = (id, depth, set) => {
  set.add(id); // the region and the regions at most `depth` levels below it
  if (depth > 0)
    for (const r of data.meta.regions)
      if (r.parent === id && !set.has(r.id)) below(r.id, depth - 1, set);
  return set;
};

function answer(path, q) {
  if (!['/meta', '/observations', '/rankings'].includes(path)) return null;
  const [from, to] = [int('from', q('from'), /^\d{4}$/), int('to', q('to'), /^\d{4}$/)];
  if (from !== null && to !== null && from > to) bad('from is after to');
  const inYears = (r) => (from === null || r.year >= from) && (to === null || r.year <= to);
  const version = data.meta.dataVersion === undefined ? {} : { dataVersion: data.meta.dataVersion };
  if (path === '/meta') return data.meta;
  if (path === '/observations') {
    const depth = int('depth', q('depth'), /^\d+$/) ?? Infinity;
    const levels = list('level', q('level'));
    if (levels && [...levels].some((l) => !LEVELS.includes(l))) bad('level: unknown level');
    const chosen = list('region', q('region'));
    const regions =
      chosen && new Set([...chosen].flatMap((id) => [...below(id, depth, new Set())]));
    const level = new Map(data.meta.regions.map((r) => [r.id, r.level]));
    const inds = list('indicator', q('indicator'));
    const keep = (o) =>
      inYears(o) &&
      (!regions || regions.has(o.region)) &&
      (!levels || levels.has(level.get(o.region))) &&
      (!inds || inds.has(o.indicator));
    return { ...version, observations: data.observations.filter(keep) };
  }
  const [only, regions] = [list('assessment', q('assessment')), list('region', q('region'))];
  const keep = (r) =>
    inYears(r) && (!only || only.has(r.assessment)) && (!regions || regions.has(r.region));
  return { ...version, rankings: data.rankings.filter(keep) };
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
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
  const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : null;
  try {
    const body = answer(path, (k) => url.searchParams.get(k));
    if (body) return send(200, body);
    error(404, 'not-found', `no such endpoint: ${url.pathname}`);
  } catch (e) {
    if (e instanceof BadRequest) return error(400, 'bad-request', e.message);
    console.error(e);
    error(500, 'internal', 'internal error');
  }
}).listen(Number(env.PORT ?? 8787), env.HOST ?? '127.0.0.1', () => {
  console.log(`listening on http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 8787}${base}`);
});
