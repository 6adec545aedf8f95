import type { Lang, T } from '@/lib/i18n';
import { AdminError } from './api/client';

/** Codes for which the page has words of its own, used when the server sent none. */
const OWN_WORDS: Record<string, string> = {
  'too-large': 'errors.tooLarge',
  'edition-moved': 'errors.editionMoved',
  busy: 'errors.busy',
  committing: 'errors.committing',
  'no-upload': 'errors.noUpload',
  expired: 'signIn.expired',
  'signed-out': 'signIn.expired',
};

/** What went wrong, in the page's language: the server's own message wherever it sent one. */
export function errorText(error: unknown, lang: Lang, t: T): string {
  if (!(error instanceof AdminError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'network':
      return t('errors.network', { message: error.where });
    case 'malformed':
      return t('errors.malformed', { where: error.where });
    case 'not-available':
      return t('errors.notAvailable');
    case 'locked':
      if (error.retryAfterSeconds !== null)
        return t('signIn.locked', {
          minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)),
        });
  }
  const own = OWN_WORDS[error.code];
  const server = error.text?.[lang] || error.text?.zh;
  if (server) return server;
  if (own) return t(own);
  return t('errors.http', { status: error.status ?? '?' });
}

export const errorCode = (error: unknown): string | null =>
  error instanceof AdminError ? error.code : null;
