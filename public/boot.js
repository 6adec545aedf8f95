/*
 * Early start (runs before the app's code has downloaded): reads config.json and, when it names
 * an API, asks that API for /meta at once, since every first screen waits on it. Nothing here
 * decides anything: the app validates config.json itself (src/features/data/config.ts) and
 * takes the early /meta answer only when it would have asked for exactly that URL with the
 * same credentials (src/features/data/early-start.ts); otherwise it fetches as it always does.
 * When /meta (or config.json) names the page's title, it paints the header bar with it, as
 * text, into the still-empty #root: the reader sees where they are while the code loads, and
 * React's first render replaces it with the same header (it clears #root when it mounts).
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
          if (c && c.title) configTitle = c.title;
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
  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') === 'en' ? 'en' : 'zh';
  // The code this link needs beyond the first screen (a view's, the wall's, the English words):
  // the build lists the files in index.html (#preloads); fetching them now, beside the app's
  // own code, spares waiting until that code has run to ask for them. Only a hint: the app
  // loads them itself either way.
  try {
    var listed = document.getElementById('preloads');
    var files = listed ? JSON.parse(listed.textContent || '{}') : {};
    ['view:' + params.get('view'), 'screen:' + params.get('screen'), 'lang:' + lang].forEach(
      function (key) {
        if (!Object.prototype.hasOwnProperty.call(files, key) || !Array.isArray(files[key])) return;
        files[key].forEach(function (file) {
          if (typeof file !== 'string' || !/^assets\/[\w.-]+\.(js|css)$/.test(file)) return;
          var link = document.createElement('link');
          var css = /\.css$/.test(file);
          link.rel = css ? 'preload' : 'modulepreload';
          if (css) link.as = 'style';
          link.crossOrigin = '';
          link.href = file;
          document.head.appendChild(link);
        });
      },
    );
  } catch {
    // a malformed list only loses the head start
  }
  var configTitle = null;
  // A localized text as the app reads it: the reader's language, else the other one.
  function pick(t) {
    if (!t || typeof t !== 'object') return '';
    var own = t[lang];
    var other = t[lang === 'zh' ? 'en' : 'zh'];
    return typeof own === 'string' && own ? own : typeof other === 'string' ? other : '';
  }
  function paintTitle(title) {
    var root = document.getElementById('root');
    if (!root || root.firstChild || typeof title !== 'string' || !title) return;
    var app = document.createElement('div');
    app.className = 'app app--shell';
    app.lang = lang === 'zh' ? 'zh-CN' : 'en';
    app.innerHTML =
      '<header class="app-header"><div class="app-header__inner"><div class="app-header__titles">' +
      '<h1 class="app-header__title"></h1><p class="app-header__asof">\u00a0</p></div></div></header>';
    app.querySelector('h1').textContent = title;
    root.appendChild(app);
  }
  if (params.get('page') !== 'data' && params.get('screen') !== 'wall')
    meta
      .then(function (m) {
        if (!m) return;
        return m.response.then(function (res) {
          if (!res.ok) return;
          return res
            .clone()
            .json()
            .then(function (body) {
              paintTitle(pick(configTitle) || pick(body && body.title));
            });
        });
      })
      .catch(function () {});
  window.__jinduEarly = { config: config, meta: meta };
})();
