import { describe, expect, it } from 'vitest';
import { checkApiBaseUrl, DEMO_API_BASE, resolveConfig } from './config';
import { ApiError } from '@contract/errors';

const json = (value: unknown) => JSON.stringify(value);

describe('resolveConfig', () => {
  it.each(['[]', '"x"', '42', 'null'])(
    'refuses a config.json that is not an object: %s',
    (text) => {
      expect(() => resolveConfig(text, undefined)).toThrow(/must be a JSON object/);
    },
  );

  it('runs on demo data when there is neither config.json nor a build-time URL', () => {
    expect(resolveConfig(null, undefined)).toEqual({
      mode: 'demo',
      apiBaseUrl: DEMO_API_BASE,
      credentials: 'omit',
      title: null,
      suppressBelow: null,
      timeoutMs: 20_000,
      loginUrl: null,
      dataAdminUrl: null,
      boundariesUrl: null,
      boundariesIdProperty: 'id',
      offlineSince: null,
    });
    expect(resolveConfig('{}', '  ').mode).toBe('demo');
  });

  it('reads the map boundaries file and its id property, and refuses the wrong types', () => {
    const c = resolveConfig(
      '{"boundariesUrl": "geo/haikou.topojson", "boundariesIdProperty": "adcode"}',
      undefined,
    );
    expect([c.boundariesUrl, c.boundariesIdProperty]).toEqual(['geo/haikou.topojson', 'adcode']);
    expect(() => resolveConfig('{"boundariesUrl": 3}', undefined)).toThrow(/boundariesUrl/);
    expect(() => resolveConfig('{"boundariesIdProperty": ""}', undefined)).toThrow(
      /boundariesIdProperty/,
    );
  });

  it('reads a sign-in page (1.1) and refuses one that is not http(s)', () => {
    expect(
      resolveConfig('{"loginUrl": "https://sso.example.gov.cn/login"}', undefined).loginUrl,
    ).toBe('https://sso.example.gov.cn/login');
    expect(() => resolveConfig('{"loginUrl": "javascript:alert(1)"}', undefined)).toThrow(
      /loginUrl/,
    );
    expect(() => resolveConfig('{"suppressBelow": 1}', undefined)).toThrow(/suppressBelow/);
  });

  it('reads the data-keeper page and refuses one that is not a path or http(s)', () => {
    expect(resolveConfig('{"dataAdminUrl": "./?page=data"}', undefined).dataAdminUrl).toBe(
      './?page=data',
    );
    expect(
      resolveConfig('{"dataAdminUrl": "https://data.example.gov.cn/?page=data"}', undefined)
        .dataAdminUrl,
    ).toBe('https://data.example.gov.cn/?page=data');
    for (const bad of ['javascript:alert(1)', '//evil.example/', 'data:text/html,x'])
      expect(() => resolveConfig(JSON.stringify({ dataAdminUrl: bad }), undefined)).toThrow(
        /dataAdminUrl/,
      );
  });

  it('uses an absolute http(s) URL without its trailing slash', () => {
    const config = resolveConfig(
      json({ apiBaseUrl: 'https://data.example.gov.cn/api/v1/' }),
      undefined,
    );
    expect(config).toMatchObject({ mode: 'api', apiBaseUrl: 'https://data.example.gov.cn/api/v1' });
    expect(
      resolveConfig(json({ apiBaseUrl: 'http://10.0.0.5:8080/v1' }), undefined).apiBaseUrl,
    ).toBe('http://10.0.0.5:8080/v1');
  });

  it('accepts a path on this site, and a path means real data, not the demo', () => {
    expect(resolveConfig(json({ apiBaseUrl: '/api/v1' }), undefined)).toMatchObject({
      mode: 'api',
      apiBaseUrl: '/api/v1',
    });
  });

  it('falls back to the build-time URL, and config.json wins over it', () => {
    expect(resolveConfig(null, 'https://build.example/api').apiBaseUrl).toBe(
      'https://build.example/api',
    );
    expect(
      resolveConfig(json({ apiBaseUrl: '/from-config' }), 'https://build.example/api').apiBaseUrl,
    ).toBe('/from-config');
  });

  it.each([
    'javascript:alert(1)',
    '//evil.example/api',
    'ftp://files.example/api',
    'data:text/html,x',
    ' ',
  ])('refuses the base URL %j', (apiBaseUrl) => {
    expect(() => resolveConfig(json({ apiBaseUrl }), undefined)).toThrow(
      expect.objectContaining({ endpoint: 'config', kind: 'shape' }),
    );
  });

  it('refuses a dangerous build-time URL too', () => {
    expect(() => resolveConfig(null, 'javascript:alert(1)')).toThrow(ApiError);
  });

  it('throws on a config.json that is not JSON instead of falling back to the demo', () => {
    expect(() => resolveConfig('{"apiBaseUrl": ', undefined)).toThrow(
      expect.objectContaining({ endpoint: 'config', kind: 'not-json' }),
    );
  });

  it('throws on a config.json of the wrong shape, naming the field', () => {
    expect(() => resolveConfig('null', undefined)).toThrow(ApiError);
    expect(() => resolveConfig('"https://x.example/api"', undefined)).toThrow(ApiError);
    expect(() => resolveConfig(json({ apiCredentials: 'same-origin' }), undefined)).toThrow(
      /apiCredentials/,
    );
    expect(() => resolveConfig(json({ suppressBelow: 2.5 }), undefined)).toThrow(/suppressBelow/);
    expect(() => resolveConfig(json({ suppressBelow: 0 }), undefined)).toThrow(/suppressBelow/);
  });

  it('reads suppressBelow, credentials, title and timeout', () => {
    const config = resolveConfig(
      json({
        apiCredentials: 'include',
        suppressBelow: 5,
        title: { zh: '龙华区禁毒工作数据看板' },
        requestTimeoutMs: 5000,
        unknownSetting: true,
      }),
      undefined,
    );
    expect(config).toMatchObject({
      mode: 'demo',
      credentials: 'include',
      suppressBelow: 5,
      title: { zh: '龙华区禁毒工作数据看板', en: '龙华区禁毒工作数据看板' },
      timeoutMs: 5000,
    });
  });
});

describe('checkApiBaseUrl', () => {
  it('keeps relative paths starting with ./ or ../ and trims trailing slashes', () => {
    expect(checkApiBaseUrl('./api/')).toBe('./api');
    expect(checkApiBaseUrl('../api/v1')).toBe('../api/v1');
    expect(checkApiBaseUrl('api/v1')).toBeNull();
  });
});
