import { describe, expect, it } from 'vitest';
import { buildUrl, errorMessageFrom } from './api-client';

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

describe('errorMessageFrom', () => {
  it('takes the message of a contract error body', () => {
    const body = JSON.stringify({
      error: { code: 'internal-error', message: 'The data service failed.' },
    });
    expect(errorMessageFrom(body)).toBe('The data service failed.');
  });

  it("takes the title of a proxy's HTML error page", () => {
    expect(errorMessageFrom(HTML_502)).toBe('502 Bad Gateway');
  });

  it('strips tags and squeezes white space when an HTML page has no title', () => {
    expect(errorMessageFrom('<h1>Service\n  Unavailable</h1><p>try later</p>')).toBe(
      'Service Unavailable try later',
    );
  });

  it('returns plain text as it is, trimmed', () => {
    expect(errorMessageFrom('  upstream connect error\n')).toBe('upstream connect error');
    expect(errorMessageFrom('')).toBe('');
  });

  it('does not trust JSON that is not a contract error', () => {
    expect(errorMessageFrom('{"error": {"message": 42}}')).toBe('{"error": {"message": 42}}');
    expect(errorMessageFrom('{"message": "nope"}')).toBe('{"message": "nope"}');
  });

  it('keeps messages short', () => {
    expect(errorMessageFrom('x'.repeat(1000))).toHaveLength(200);
    const long = JSON.stringify({ error: { code: 'c', message: 'y'.repeat(500) } });
    expect(errorMessageFrom(long)).toHaveLength(200);
  });
});

describe('buildUrl', () => {
  it('joins lists with commas and leaves out empty parameters', () => {
    expect(
      buildUrl('/api/v1', 'observations', {
        indicator: ['new-users', 'user-share'],
        region: undefined,
        from: 2017,
        to: '',
      }),
    ).toBe('/api/v1/observations?indicator=new-users%2Cuser-share&from=2017');
    expect(buildUrl('https://x.example/v1', 'meta')).toBe('https://x.example/v1/meta');
  });
});
