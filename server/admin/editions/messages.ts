/** The editions API's error messages, in both languages (the error body's `message`). */
import type { Message } from '../../import/problem';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.round((bytes / 1024) * 10) / 10} KB`;

export const editionMessages = {
  badFileName: (): Message => ({
    zh: '请求缺少文件名（?file=名称.xlsx），或文件名无效。',
    en: 'The request has no file name (?file=NAME.xlsx), or an invalid one.',
  }),
  badId: (): Message => ({
    zh: '版本编号无效。',
    en: 'That is not an edition number.',
  }),
  tooLarge: (limit: number): Message => ({
    zh: `文件超过导入上限 ${size(limit)}，未读取。请拆分或精简工作簿后再上传。`,
    en: `The file is over the import limit of ${size(limit)}; it was not read. Split or trim the workbook and upload it again.`,
  }),
  busy: (seconds: number): Message => ({
    zh: `另一个导入正在进行（已等待 ${seconds} 秒），未写入任何数据。请稍后再试。`,
    en: `Another import is running (waited ${seconds} s); nothing was written. Try again in a moment.`,
  }),
  noUpload: (): Message => ({
    zh: '找不到这次上传：它已过期（30 分钟）、已取消或已确认。请重新上传文件。',
    en: 'This upload is gone: it expired (30 minutes), was cancelled or was confirmed already. Upload the file again.',
  }),
  committing: (): Message => ({
    zh: '这次上传正在写入，请勿重复确认。',
    en: 'This upload is being written already; do not confirm it twice.',
  }),
  editionMoved: (latest: number | null): Message => ({
    zh: `预览之后已有新的版本（第 ${latest ?? 0} 版）写入，此预览已作废、未写入任何数据。请重新上传文件，查看针对最新版本的变化后再确认。`,
    en: `A new edition (${latest ?? 0}) was stored after this preview; the preview was dropped and nothing was written. Upload the file again to see its changes against the latest edition, then confirm.`,
  }),
  noEdition: (): Message => ({
    zh: '没有这个版本。',
    en: 'There is no such edition.',
  }),
  noSnapshot: (id: number): Message => ({
    zh: `第 ${id} 版是在保存版本数据之前导入的，无法比较、下载或恢复。`,
    en: `Edition ${id} was imported before editions kept their data: it cannot be compared, downloaded or restored.`,
  }),
  unchanged: (id: number): Message => ({
    zh: `第 ${id} 版的数据与当前数据相同，无需恢复。`,
    en: `Edition ${id} holds the same data as the current one; there is nothing to restore.`,
  }),
  internal: (): Message => ({
    zh: '服务出错，未完成此操作。详情已记入服务日志。',
    en: 'The service failed and did not finish this; the details are in its log.',
  }),
};
