import { describe, expect, it } from 'vitest';
import { auditDetailText } from './audit-detail';

describe('an audit entry’s details', () => {
  const confirm = {
    upload: 'Xt3P9kEbNkExRpRwULTa',
    fileName: '龙华2019更正.xlsx',
    sha256: 'd1a48b9bb9f261ffa4f24f74dfaf48cc583ba289',
    status: 'imported',
    edition: 2,
    cells: { added: 0, changed: 1, removed: 0 },
  };

  it('reads as words in Chinese, with the hash and upload id shortened', () => {
    expect(auditDetailText(confirm, 'zh')).toBe(
      '上传编号 Xt3P9kEb · 文件 龙华2019更正.xlsx · SHA-256 d1a48b9bb9f2… · 结果：已写入 · 版本 #2 · 数值 新增 0、修改 1、删除 0',
    );
  });

  it('reads as words in English, and keeps a key it does not know as it is', () => {
    expect(auditDetailText({ from: 1, status: 'edition-moved', os: 'root' }, 'en')).toBe(
      'restored from edition #1 · outcome: a newer edition landed · os: root',
    );
    expect(auditDetailText({ size: 46_262, problems: 3 }, 'en')).toBe('size: 45 KB · problems: 3');
    expect(auditDetailText(null, 'zh')).toBe('');
  });
});
