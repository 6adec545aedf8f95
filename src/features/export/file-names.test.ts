import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME, MAX_FILE_NAME_BYTES, exportFileName } from './file-names';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('exportFileName', () => {
  it('joins title, region, years and date with "_" and keeps the extension', () => {
    expect(
      exportFileName({
        title: '新发现吸毒人员',
        region: '龙华区',
        years: '2019-2024',
        date: '2025-03-01',
        ext: 'csv',
      }),
    ).toBe('新发现吸毒人员_龙华区_2019-2024_2025-03-01.csv');
  });

  it('leaves out empty parts and accepts an extension with a dot', () => {
    expect(exportFileName({ title: '趋势', region: '  ', date: '2025-03-01', ext: '.xlsx' })).toBe(
      '趋势_2025-03-01.xlsx',
    );
    expect(exportFileName({ title: '', date: '', ext: 'png' })).toBe('export.png');
  });

  it('replaces characters Windows rejects', () => {
    const name = exportFileName({
      title: 'a<b>c:d"e/f\\g|h?i*j',
      years: '2019/2024',
      date: '2025-03-01',
      ext: 'csv',
    });
    expect(name).toBe('a-b-c-d-e-f-g-h-i-j_2019-2024_2025-03-01.csv');
    expect(name.slice(0, -4)).not.toMatch(/[<>:"/\\|?*]/);
  });

  it('replaces control characters and drops invisible bidi ones', () => {
    const name = exportFileName({
      title: 'a\u0000b\tc\nd\u007f',
      date: 'x\u202Egpj.exe',
      ext: 'csv',
    });
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    expect(name).toBe('a-b c d-_xgpj.exe.csv');
  });

  it('trims trailing dots and spaces (and leading dots)', () => {
    expect(
      exportFileName({ title: '..报告. . ', region: '龙华区.', date: '2025', ext: 'csv' }),
    ).toBe('报告_龙华区_2025.csv');
    expect(exportFileName({ title: 'x', date: '', ext: '.' })).toBe('x');
    expect(exportFileName({ title: 'report...', date: '', ext: '' })).toBe('report');
  });

  it.each(['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹'])(
    'avoids the reserved name %s',
    (reserved) => {
      const name = exportFileName({ title: reserved, date: '', ext: 'csv' });
      expect(name).toBe(`${reserved}_.csv`);
      const stem = name.split('.')[0] ?? '';
      expect(stem).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
    },
  );

  it('avoids a reserved stem before a dot, but leaves longer names alone', () => {
    expect(exportFileName({ title: 'con.2024', date: '', ext: 'csv' })).toBe('con_.2024.csv');
    expect(exportFileName({ title: 'CONSOLE', date: '', ext: 'csv' })).toBe('CONSOLE.csv');
    expect(exportFileName({ title: 'CON', date: '2025', ext: 'csv' })).toBe('CON_2025.csv');
  });

  it('stays within 150 characters, shortening the title first', () => {
    const name = exportFileName({
      title: 'indicator '.repeat(30),
      region: 'Longhua',
      years: '2019-2024',
      date: '2025-03-01',
      ext: 'xlsx',
    });
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(name).toMatch(/^indicator indicator .*…_Longhua_2019-2024_2025-03-01\.xlsx$/);
  });

  it('stays within the byte limit for Chinese names', () => {
    const name = exportFileName({
      title: '新发现吸毒人员'.repeat(20),
      region: '龙华区',
      date: '2025-03-01',
      ext: 'csv',
    });
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name).toMatch(/^新发现吸毒人员.*…_龙华区_2025-03-01\.csv$/);
  });

  it('cuts everything when the other parts alone are too long, never splitting a character', () => {
    const name = exportFileName({ title: 't', region: '😀'.repeat(100), date: '2025', ext: 'csv' });
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(name.endsWith('….csv')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
