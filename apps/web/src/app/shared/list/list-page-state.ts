import { HttpClient } from '@angular/common/http';
import {
  Signal,
  WritableSignal,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { PageEvent } from '@angular/material/paginator';
import { Sort } from '@angular/material/sort';
import { ActivatedRoute, Router } from '@angular/router';
import { Observable, debounceTime, distinctUntilChanged, map } from 'rxjs';

import { loadErrorStatus } from '../../core/http/problem';
import { Page, QueryValue, listParams, parsePage } from '../sales/record-api';
import { ListUrlState, isFiltered, listUrlParams, readListUrl } from './list-url';

/** Typing a word costs one request, not one per key. */
export const SEARCH_DEBOUNCE_MS = 300;
export const DEFAULT_PAGE_SIZE = 20;

/** A page's own filters (status, archived…): plain values the API takes as query parameters. */
export type ListFilters = Record<string, QueryValue>;

/** One filter signal per filter, so a template can bind `[(value)]="list.filters.status"`. */
export type FilterSignals<F extends ListFilters> = { readonly [K in keyof F]: WritableSignal<F[K]> };

/** What the page's fetch function is asked for. */
export interface ListQuery<F extends ListFilters> {
  /** 1-based, as the API counts (the paginator counts from 0). */
  readonly page: number;
  readonly pageSize: number;
  /** Trimmed and debounced; '' when there is no search. */
  readonly q: string;
  /** `field:asc|desc`, or null for the API's own order. */
  readonly sort: string | null;
  readonly filters: F;
}

export interface ListSortOptions {
  readonly initial: Sort;
  /**
   * The fields this page may send, checked against the contract's `*_SORT_FIELDS` by the page: the
   * API rejects any other field, so a header outside the list is never sent.
   */
  readonly allowed: readonly string[];
}

export interface ListPageOptions<T, F extends ListFilters> {
  /** Loads one page; run again whenever the search, a filter, the order or the page changes. */
  readonly fetch: (query: ListQuery<F>) => Observable<Page<T>>;
  /** Initial filter values (also what `reset()` goes back to). */
  readonly filters: F;
  /** Without it the list is not sortable and no `sort` is sent. */
  readonly sort?: ListSortOptions;
}

/** The search field's side of a list, and its "clear filters" button (see ListToolbar). */
export interface ListSearch {
  readonly searchText: Signal<string>;
  /** A search or a filter narrows the list. */
  readonly filtered: Signal<boolean>;
  search(text: string): void;
  reset(): void;
}

/** What the table card shows: progress, error, empty state and paginator (see ListCard). */
export interface ListView {
  readonly page: Signal<Page<unknown> | undefined>;
  readonly loading: Signal<boolean>;
  readonly errorStatus: Signal<number | null>;
  readonly pageIndex: Signal<number>;
  readonly pageSize: Signal<number>;
  changePage(event: PageEvent): void;
  reload(): void;
}

/**
 * The state every paged list shares: search (debounced), filters, sort, page index and size, the
 * request, and the last page received. Create it in a field initializer (it needs an injection
 * context):
 *
 *     readonly list = new ListPageState<Lead, LeadFilters>({
 *       fetch: (query) => this.api.page(query),
 *       filters: { status: [], archived: 'false' },
 *       sort: { initial: { active: 'createdAt', direction: 'desc' }, allowed: LEAD_SORTABLE },
 *     });
 */
export class ListPageState<T, F extends ListFilters = Record<string, never>> implements ListSearch, ListView {
  /** What is in the search field, as typed. */
  readonly searchText = signal('');
  /** The search actually sent. */
  readonly query: Signal<string>;
  readonly filters: FilterSignals<F>;
  readonly sort: WritableSignal<Sort>;
  /** Back to the first page whenever the search, a filter or the order changes. */
  readonly pageIndex: WritableSignal<number>;
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  /** The last page received: it stays on screen (under a progress bar) while the next one loads. */
  readonly page: Signal<Page<T> | undefined>;
  /** The rows to show in the table, or null when the card shows a state (loading, error, empty). */
  readonly rows: Signal<readonly T[] | null>;
  readonly loading: Signal<boolean>;
  /** null: no error; 0: the API is unreachable; -1: an unexpected body; else the HTTP status. */
  readonly errorStatus: Signal<number | null>;
  /** The search sent or a filter differs from the initial ones (order and page do not count). */
  readonly filtered: Signal<boolean>;

  private readonly initialFilters: F;
  private readonly filterValues: Signal<F>;
  private readonly reloadPage: () => void;

  constructor(options: ListPageOptions<T, F>) {
    this.initialFilters = options.filters;
    // Search, filters, order and page live in the address (back/forward/reload keep them, a link
    // can be shared): the list starts from it and writes its state back (list-url.ts).
    const router = inject(Router);
    const route = inject(ActivatedRoute);
    const defaults: ListUrlState<F> = {
      q: '',
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      sort: options.sort?.initial ?? { active: '', direction: '' },
      filters: options.filters,
    };
    const start = readListUrl(route.snapshot.queryParamMap, defaults);
    this.searchText.set(start.q);
    this.pageSize.set(start.pageSize);
    this.query = toSignal(
      toObservable(this.searchText).pipe(
        map((text) => text.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
      ),
      { initialValue: start.q.trim() },
    );
    this.filters = filterSignals(start.filters);
    this.filterValues = computed(() => {
      const values: Partial<F> = {};
      for (const key of Object.keys(this.filters) as (keyof F)[]) values[key] = this.filters[key]();
      return values as F;
    });
    this.filtered = computed(() => isFiltered(this.query(), this.filterValues(), this.initialFilters));
    this.sort = signal<Sort>(start.sort);
    const allowed = options.sort?.allowed ?? [];
    const sortParam = computed(() => {
      const { active, direction } = this.sort();
      return direction && allowed.includes(active) ? `${active}:${direction}` : null;
    });
    // The first page is the address's; any later change of search, filter or order goes to page 1.
    let restoredIndex = start.page - 1;
    this.pageIndex = linkedSignal({
      source: () => [this.query(), this.filterValues(), sortParam()],
      computation: () => {
        const index = restoredIndex;
        restoredIndex = 0;
        return index;
      },
    });
    effect(() => {
      const state: ListUrlState<F> = {
        q: this.query(),
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
        sort: this.sort(),
        filters: this.filterValues(),
      };
      const queryParams = listUrlParams(state, defaults);
      untracked(() => void router.navigate([], { relativeTo: route, queryParams, replaceUrl: true }));
    });

    const resource = rxResource({
      params: (): ListQuery<F> => ({
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
        q: this.query(),
        sort: sortParam(),
        filters: this.filterValues(),
      }),
      stream: ({ params }) => options.fetch(params),
    });
    this.reloadPage = () => resource.reload();
    this.page = linkedSignal<Page<T> | undefined, Page<T> | undefined>({
      source: () => (resource.hasValue() ? resource.value() : undefined),
      computation: (next, previous) => next ?? previous?.value,
    });
    this.loading = resource.isLoading;
    this.errorStatus = computed(() => loadErrorStatus(resource.error()));
    this.rows = computed(() => {
      const items = this.page()?.items;
      return this.errorStatus() === null && items?.length ? items : null;
    });
  }

  search(text: string): void {
    this.searchText.set(text);
  }

  changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  /** Empty search and the initial filters. */
  reset(): void {
    this.searchText.set('');
    for (const key of Object.keys(this.filters) as (keyof F)[]) {
      this.filters[key].set(this.initialFilters[key]);
    }
  }

  reload(): void {
    this.reloadPage();
  }
}

function filterSignals<F extends ListFilters>(initial: F): FilterSignals<F> {
  const signals: Partial<Record<keyof F, WritableSignal<F[keyof F]>>> = {};
  for (const key of Object.keys(initial) as (keyof F)[]) signals[key] = signal(initial[key]);
  return signals as FilterSignals<F>;
}

/**
 * `GET url?page&pageSize&q&sort&<filters>` (empty values left out, docs/rules.md): what the
 * typed clients' `page()` send. Filters are sent as they are; a page with its own mapping maps them
 * before the call.
 */
export function fetchPage<T>(
  http: HttpClient,
  url: string,
  { page, pageSize, q, sort, filters }: ListQuery<ListFilters>,
  parse: (raw: unknown) => Page<T> = (raw) => parsePage<T>(raw),
): Observable<Page<T>> {
  return http
    .get<unknown>(url, { params: listParams({ page, pageSize, q, sort, ...filters }) })
    .pipe(map(parse));
}
