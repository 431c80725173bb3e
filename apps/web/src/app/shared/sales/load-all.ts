import { Observable, forkJoin, of } from 'rxjs';

/**
 * Every record of a list of ids, fetched side by side, in the order of the ids; an empty list
 * answers `[]` at once (forkJoin of nothing would complete without a value).
 * `loadAll(ids, (id) => this.api.get(id))`.
 */
export function loadAll<T>(ids: readonly string[], load: (id: string) => Observable<T>): Observable<T[]> {
  return ids.length ? forkJoin(ids.map(load)) : of([]);
}
