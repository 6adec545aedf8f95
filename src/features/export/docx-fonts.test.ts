import { describe, expect, it } from 'vitest';
import { addFonts } from './docx-fonts';

const fonts = [
  { name: '方正小标宋简体', fallback: '黑体' },
  { name: '仿宋', fallback: '宋体' },
];

describe('font fallbacks in the Word report', () => {
  it('fills an empty font table with each font and its fallback', () => {
    const xml = addFonts('<?xml version="1.0"?><w:fonts xmlns:w="w"/>', fonts);
    expect(xml).toContain(
      '<w:fonts xmlns:w="w"><w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>',
    );
    expect(xml).toContain('<w:font w:name="仿宋"><w:altName w:val="宋体"/>');
    expect(xml.endsWith('</w:fonts>')).toBe(true);
  });

  it('adds to a font table that has fonts, without naming one twice', () => {
    const xml = addFonts('<w:fonts><w:font w:name="仿宋"/></w:fonts>', fonts);
    expect(xml.match(/w:name="仿宋"/g)).toHaveLength(1);
    expect(xml).toContain('w:name="方正小标宋简体"');
  });
});
