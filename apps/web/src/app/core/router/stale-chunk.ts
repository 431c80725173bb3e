import type { NavigationError } from '@angular/router';

/**
 * What browsers say when a lazy chunk is gone: after a deployment, a tab opened before it still
 * names the old chunk files, which the new build no longer serves (Chrome, Firefox, Safari).
 */
const CHUNK_GONE = [
  'Failed to fetch dynamically imported module',
  'error loading dynamically imported module',
  'Importing a module script failed',
];

/** sessionStorage key: the last URL reloaded for a missing chunk, and when (no reload loop). */
const RELOADED = 'velosi.staleChunkReload';
const RETRY_AFTER_MS = 30_000;

/** True when `error` is a chunk the server no longer has (not a bug of the page being opened). */
export function isStaleChunk(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return CHUNK_GONE.some((text) => message.includes(text));
}

/**
 * The router's navigation error handler: a page whose code was replaced by a deployment is loaded
 * again from the server, at the URL the user was going to (the new index names the new chunks). A
 * second failure for the same URL within 30 s is left to the router (a real outage, not a deploy).
 */
export function reloadOnStaleChunk(
  event: NavigationError,
  storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage,
  reload: (url: string) => void = (url) => location.assign(url),
  now = Date.now(),
): void {
  if (!isStaleChunk(event.error)) return;
  const [url, at] = (storage.getItem(RELOADED) ?? '').split(' ');
  if (url === event.url && now - Number(at) < RETRY_AFTER_MS) return;
  storage.setItem(RELOADED, `${event.url} ${now}`);
  reload(event.url);
}
