/**
 * An audit entry's details in words ("文件 a.xlsx · 结果：已写入 · 版本 #3"), not the stored
 * JSON keys. Keys this page does not know are shown as they are, so nothing is hidden.
 */
import type { Lang } from '@/lib/i18n';

type Words = Record<string, string>;

const LABELS: Record<Lang, Words> = {
  zh: {
    fileName: '文件',
    sha256: 'SHA-256',
    status: '结果',
    problems: '问题数',
    size: '大小',
    baseEdition: '基于版本',
    edition: '版本',
    from: '回退自版本',
    latest: '最新版本',
    upload: '上传编号',
    reason: '原因',
    name: '用户名',
  },
  en: {
    fileName: 'file',
    sha256: 'SHA-256',
    status: 'outcome',
    problems: 'problems',
    size: 'size',
    baseEdition: 'based on edition',
    edition: 'edition',
    from: 'restored from edition',
    latest: 'latest edition',
    upload: 'upload',
    reason: 'reason',
    name: 'name',
  },
};

const STATUS: Record<Lang, Words> = {
  zh: {
    preview: '已预览',
    invalid: '文件有问题',
    unchanged: '无变化',
    imported: '已写入',
    busy: '另一项导入正在进行',
    'edition-moved': '预览后已有新版本',
    committing: '正在写入',
    'too-large': '文件太大',
  },
  en: {
    preview: 'previewed',
    invalid: 'problems found',
    unchanged: 'no changes',
    imported: 'written',
    busy: 'another import was running',
    'edition-moved': 'a newer edition landed',
    committing: 'being written',
    'too-large': 'file too large',
  },
};

const isCounts = (v: unknown): v is { added: number; changed: number; removed: number } =>
  typeof v === 'object' &&
  v !== null &&
  ['added', 'changed', 'removed'].every(
    (k) => typeof (v as Record<string, unknown>)[k] === 'number',
  );

function sizeText(bytes: number): string {
  const kb = bytes / 1024;
  const n = kb < 1024 ? `${Math.max(1, Math.round(kb))} KB` : `${(kb / 1024).toFixed(1)} MB`;
  return n;
}

export function auditDetailText(detail: Record<string, unknown> | null | undefined, lang: Lang) {
  if (!detail) return '';
  const labels = LABELS[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || value === undefined || value === '') continue;
    const label = Object.hasOwn(labels, key) ? labels[key] : key;
    let text: string;
    if (key === 'cells' && isCounts(value))
      text =
        lang === 'zh'
          ? `数值 新增 ${value.added}、修改 ${value.changed}、删除 ${value.removed}`
          : `cells +${value.added} ~${value.changed} −${value.removed}`;
    else if (key === 'sha256' && typeof value === 'string')
      text = `${label} ${value.slice(0, 12)}…`;
    else if (key === 'upload' && typeof value === 'string') text = `${label} ${value.slice(0, 8)}`;
    else if (key === 'size' && typeof value === 'number') text = `${label}${sep}${sizeText(value)}`;
    else if (
      (key === 'edition' || key === 'from' || key === 'baseEdition' || key === 'latest') &&
      typeof value === 'number'
    )
      text = `${label} #${value}`;
    else if (key === 'status' && typeof value === 'string')
      text = `${label}${sep}${Object.hasOwn(STATUS[lang], value) ? STATUS[lang][value] : value}`;
    else if (key === 'fileName' && typeof value === 'string') text = `${label} ${value}`;
    else text = `${label}${sep}${typeof value === 'string' ? value : JSON.stringify(value)}`;
    parts.push(text);
  }
  return parts.join(' · ');
}
