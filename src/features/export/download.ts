/**
 * Saving and copying from the browser. Nothing here throws: where the browser does not allow
 * an action (no clipboard API, insecure context, permission denied) the copy helpers resolve
 * false and the caller says so.
 */

/**
 * Object URLs are revoked a little after the click rather than at once: Chrome copies the blob
 * synchronously, but some Safari and Firefox versions read it asynchronously and would fail.
 */
const REVOKE_DELAY_MS = 1000;

/** Saves a blob under `fileName` via an object URL and a temporary <a download>. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  // Firefox only follows clicks on anchors that are in the document.
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, REVOKE_DELAY_MS);
  }
}

/** The async clipboard API exists only in secure contexts (https, localhost). */
function clipboard(): Clipboard | null {
  if (typeof navigator === 'undefined') return null;
  // The DOM types say it is always there; on plain-http intranet sites it is not exposed.
  return 'clipboard' in navigator ? navigator.clipboard : null;
}

/**
 * Plain-http deployments have no async clipboard; the old selection-based copy still works
 * there during a click. Deprecated, but the only way on such sites.
 */
function legacyCopy(text: string): boolean {
  if (typeof document === 'undefined') return false;
  // document.body is typed as always there, but is null before <body> is parsed.
  const body = document.querySelector('body');
  if (!body) return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '0';
  area.style.opacity = '0';
  const active = document.activeElement;
  body.appendChild(area);
  try {
    area.select();
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (active instanceof HTMLElement) active.focus();
  }
}

/** Copies text; resolves false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  const cb = clipboard();
  if (cb && typeof cb.writeText === 'function') {
    try {
      await cb.writeText(text);
      return true;
    } catch {
      // Permission denied or document not focused: try the legacy way below.
    }
  }
  return legacyCopy(text);
}

/**
 * Copies a PNG image; resolves false when the browser refuses (no ClipboardItem, no
 * image/png support, insecure context, permission denied).
 *
 * Pass the rendering promise rather than awaiting it first when you can: Safari only allows
 * clipboard writes that start synchronously inside the click, and ClipboardItem accepts a
 * promise of the blob for exactly that reason.
 */
export async function copyPng(blob: Blob | Promise<Blob>): Promise<boolean> {
  // A rendering that fails is a "false", never an unhandled rejection, even if we bail out early.
  const png = Promise.resolve(blob).then((b) =>
    b.type === 'image/png' ? b : new Blob([b], { type: 'image/png' }),
  );
  png.catch(() => undefined);
  const cb = clipboard();
  if (!cb || typeof cb.write !== 'function' || typeof ClipboardItem === 'undefined') return false;
  if (typeof ClipboardItem.supports === 'function' && !ClipboardItem.supports('image/png')) {
    return false;
  }
  try {
    await cb.write([new ClipboardItem({ 'image/png': png })]);
    return true;
  } catch {
    return false;
  }
}
