/**
 * The generic texts of a list page, as keys of the `sales` scope: what the list card and toolbar
 * show when the page passes no text of its own (the components load that scope themselves).
 * `error` takes the HTTP status as `{ status }`.
 */
export const LIST_TEXTS = {
  search: 'sales.list.search',
  loading: 'sales.list.loading',
  error: 'sales.list.error',
  pagination: 'sales.list.pagination',
  filters: 'sales.list.filters',
  filtersActive: 'sales.list.filtersActive',
  sortBy: 'sales.list.sortBy',
  sortAscending: 'sales.list.sortAscending',
  sortDescending: 'sales.list.sortDescending',
} as const;
