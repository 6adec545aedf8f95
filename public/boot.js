/*
 * Early start (runs before the app's code has downloaded): reads config.json and, when it names
 * an API, asks that API for /meta at once, since every first screen waits on it. Nothing here
 * decides anything: the app validates config.json itself (src/features/data/config.ts) and
 * takes the early /meta answer only when it would have asked for exactly that URL with the
 * same credentials (src/features/data/early-start.ts); otherwise it fetches as it always does.
 */
(function () {
  'use strict';
  if (typeof fetch !== 'function' || typeof URL !== 'function') return;
  var config = fetch(new URL('config.json', document.baseURI), { cache: 'no-cache' });
  var meta = config
    .then(function (res) {
      if (!res.ok) return null;
      return res
        .clone()
        .text()
        .then(function (text) {
          var c = JSON.parse(text);
          var base = c && typeof c.apiBaseUrl === 'string' ? c.apiBaseUrl : '';
          base = base.trim().replace(/\/+$/, '');
          if (!/^(https?:\/\/[^/\s]+|\/(?!\/)|\.{1,2}\/)/i.test(base)) return null;
          var url = base + '/meta';
          var credentials = c.apiCredentials === 'include' ? 'include' : 'omit';
          return {
            url: url,
            credentials: credentials,
            response: fetch(url, {
              credentials: credentials,
              headers: { Accept: 'application/json' },
            }),
          };
        });
    })
    .catch(function () {
      return null;
    });
  // A rejected early request is the app's to report (it asks again); never an unhandled one.
  meta.then(function (m) {
    if (m) m.response.catch(function () {});
  });
  window.__jinduEarly = { config: config, meta: meta };
})();
