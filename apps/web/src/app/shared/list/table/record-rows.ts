import { ListRows } from './list-table';

export interface RecordRowsOptions<T> {
  /** The record pages' route (`/leads` opens `/leads/<id>`); null: the rows open nothing. */
  readonly route?: string | null;
  /** What names a row in its data-testid (default: the id), e.g. a job's number. */
  readonly key?: (row: T) => string | number;
  readonly tone?: ListRows<T>['tone'];
}

/**
 * The rows of a list of records: `recordRows<Lead>('leads', 'lead')` is the table `leads-table`,
 * its rows `lead-row-<id>`, each opening `/leads/<id>`.
 */
export function recordRows<T extends { readonly id: string | number }>(
  plural: string,
  singular: string,
  options: RecordRowsOptions<T> = {},
): ListRows<T> {
  const { route = `/${plural}`, key = (row: T) => row.id, tone } = options;
  return {
    testid: `${plural}-table`,
    rowTestid: (row) => `${singular}-row-${key(row)}`,
    ...(route === null ? {} : { link: (row: T) => [route, row.id] }),
    ...(tone ? { tone } : {}),
  };
}
