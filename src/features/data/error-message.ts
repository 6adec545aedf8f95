import type { T } from '@/lib/i18n';
import { ApiError } from '@contract/errors';

/** Plain words for what failed and where: status, endpoint, and the server's own message. */
export function describeError(error: unknown, t: T): { title: string; detail: string } {
  if (error instanceof ApiError) {
    const title = t('state.errorTitle', { endpoint: error.endpoint });
    switch (error.kind) {
      case 'http':
        return {
          title,
          detail: t('state.errorHttp', { status: error.status ?? '?', message: error.message }),
        };
      case 'network':
        return { title, detail: t('state.errorNetwork', { message: error.message }) };
      case 'timeout':
        return { title, detail: t('state.errorTimeout', { message: error.message }) };
      case 'not-json':
        return { title, detail: t('state.errorNotJson') };
      case 'shape':
        return { title, detail: t('state.errorShape', { message: error.message }) };
      case 'empty':
        return { title: t('state.noDataTitle'), detail: t('state.noDataDetail') };
      case 'version':
        return { title, detail: t('state.errorVersion', { message: error.message }) };
      case 'unauthorized':
        return { title: t('state.signInTitle'), detail: t('state.signInDetail') };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: t('state.errorOther', { message: '' }).replace(/[:：]\s*$/, ''),
    detail: message,
  };
}
