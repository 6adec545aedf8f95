import type { Endpoint } from './types';

/** The server answered, but not with a usable response: non-2xx, not JSON, or the wrong shape. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly endpoint: Endpoint | 'config',
    /** 'empty': a well-formed meta that describes nothing yet (a service before its first import). */
    /** 'version': meta.apiVersion is not 1. 'unauthorized': a 401 (an expired login). */
    readonly kind:
      'http' | 'network' | 'timeout' | 'not-json' | 'shape' | 'empty' | 'version' | 'unauthorized',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export function shapeError(endpoint: Endpoint, message: string): ApiError {
  return new ApiError(endpoint, 'shape', message);
}
