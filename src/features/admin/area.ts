/**
 * Whether this deployment has the data area, for the dashboard's header link "数据管理 / Data".
 * Tiny and free of the admin chunk's code, so the header may import it in the first load.
 * The area exists when `./admin/api/session` answers JSON with 200 (signed in) or 401 (not);
 * a static or demo host answers 404, or its index.html with 200.
 */
export async function hasAdminArea(signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(new URL('admin/api/session', document.baseURI), {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal: signal ?? null,
    });
    if (response.status !== 200 && response.status !== 401) return false;
    if (!(response.headers.get('content-type') ?? '').includes('json')) return false;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && ('user' in body || 'error' in body);
  } catch {
    return false;
  }
}
