import { NavigationError } from '@angular/router';
import { describe, expect, it } from 'vitest';
import { isStaleChunk, reloadOnStaleChunk } from './stale-chunk';

/** A sessionStorage of its own for each test. */
function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v) };
}

const gone = (url: string) =>
  new NavigationError(
    1,
    url,
    new TypeError(`Failed to fetch dynamically imported module: ${url}/chunk-X.js`),
  );

describe('reloadOnStaleChunk: a tab opened before a deployment', () => {
  it('recognises the browsers’ words for a missing chunk, nothing else', () => {
    expect(isStaleChunk(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isStaleChunk(new Error('error loading dynamically imported module: /chunk-A.js'))).toBe(true);
    expect(isStaleChunk(new Error('Cannot read properties of undefined'))).toBe(false);
  });

  it('loads the page it was going to again, once within 30 s', () => {
    const storage = memory();
    const reloaded: string[] = [];
    const reload = (url: string) => reloaded.push(url);
    reloadOnStaleChunk(gone('/quotes/q1'), storage, reload, 1_000);
    reloadOnStaleChunk(gone('/quotes/q1'), storage, reload, 5_000);
    expect(reloaded).toEqual(['/quotes/q1']);
    reloadOnStaleChunk(gone('/quotes/q1'), storage, reload, 40_000);
    reloadOnStaleChunk(gone('/jobs'), storage, reload, 41_000);
    expect(reloaded).toEqual(['/quotes/q1', '/quotes/q1', '/jobs']);
  });

  it('leaves any other navigation error to the router', () => {
    const reloaded: string[] = [];
    reloadOnStaleChunk(new NavigationError(1, '/x', new Error('boom')), memory(), (u) => reloaded.push(u));
    expect(reloaded).toEqual([]);
  });
});
