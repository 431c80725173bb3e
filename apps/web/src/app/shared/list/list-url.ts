import type { ParamMap, Params } from '@angular/router';
import type { Sort, SortDirection } from '@angular/material/sort';

import type { QueryValue } from '../sales/record-api';

/** A list's state as the address bar carries it (`?q=sahel&status=draft,sent&sort=number:desc&page=2`). */
export interface ListUrlState<F extends Record<string, QueryValue>> {
  readonly q: string;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly sort: Sort;
  readonly filters: F;
}

/** Reserved names; a page's filters use other ones. */
const RESERVED = ['q', 'page', 'pageSize', 'sort'];

/**
 * The state a list starts in: what the address says (a shared link, a reload, the back button),
 * each filter parsed after the type of its initial value (list → comma-separated, boolean,
 * number, text), anything unreadable left at its default.
 */
export function readListUrl<F extends Record<string, QueryValue>>(
  params: ParamMap,
  defaults: ListUrlState<F>,
): ListUrlState<F> {
  const filters: Record<string, QueryValue> = { ...defaults.filters };
  for (const [key, initial] of Object.entries(defaults.filters)) {
    const raw = params.get(key);
    if (raw === null || RESERVED.includes(key)) continue;
    if (Array.isArray(initial)) filters[key] = raw === '' ? [] : raw.split(',');
    else if (typeof initial === 'boolean') filters[key] = raw === 'true';
    else if (typeof initial === 'number') filters[key] = Number.isFinite(Number(raw)) ? Number(raw) : initial;
    else filters[key] = raw;
  }
  const [active = '', direction = ''] = (params.get('sort') ?? '').split(':');
  const sort: Sort =
    active && (direction === 'asc' || direction === 'desc')
      ? { active, direction: direction as SortDirection }
      : defaults.sort;
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    q: params.get('q') ?? defaults.q,
    page: Number.isInteger(page) && page > 0 ? page : defaults.page,
    pageSize: [10, 20, 50, 100].includes(pageSize) ? pageSize : defaults.pageSize,
    sort,
    filters: filters as F,
  };
}

/** A filter value as the address carries it: a list comma-separated, nothing as ''. */
function text(value: QueryValue): string {
  return Array.isArray(value) ? value.join(',') : String(value ?? '');
}

/**
 * Whether a search or a filter narrows the list (the order and the page do not): what a list's
 * "clear filters" button and its "nothing matches" empty state go by.
 */
export function isFiltered<F extends Record<string, QueryValue>>(q: string, filters: F, initial: F): boolean {
  return q.trim() !== '' || Object.keys(filters).some((key) => text(filters[key]) !== text(initial[key]));
}

/** Query parameters of a state: only what differs from the defaults, so a plain list keeps a plain URL. */
export function listUrlParams<F extends Record<string, QueryValue>>(
  state: ListUrlState<F>,
  defaults: ListUrlState<F>,
): Params {
  const params: Params = {};
  for (const [key, value] of Object.entries(state.filters)) {
    if (text(value) !== text(defaults.filters[key])) params[key] = text(value);
  }
  if (state.q.trim()) params['q'] = state.q.trim();
  const sort = (s: Sort) => (s.direction ? `${s.active}:${s.direction}` : '');
  if (sort(state.sort) !== sort(defaults.sort)) params['sort'] = sort(state.sort);
  if (state.page !== 1) params['page'] = String(state.page);
  if (state.pageSize !== defaults.pageSize) params['pageSize'] = String(state.pageSize);
  return params;
}
