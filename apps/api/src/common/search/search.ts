import { and, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { escapeLike } from '../records/list.js';

/**
 * Accent-, case- and word-order-insensitive free-text search, the same on PGlite and PostgreSQL.
 *
 * A record's searchable fields are folded into one normalised text (its "search document") by the
 * SQL function `search_text(text[])` (migration `0004_search_unaccent_trgm.sql`): the fields joined
 * by spaces, `unaccent`ed and lower-cased. `q` is split into words, each word goes through the SAME
 * function (so "œ", "ß", "É" fold exactly as the stored text does), and every word must occur in the
 * document, in any order: "ceramiques sahel" finds "Céramiques du Sahel SARL".
 *
 * Tables whose document uses only their own columns (clients, contacts, leads) have a `pg_trgm` GIN
 * index on exactly that expression (same migration), which `LIKE '%…%'` uses; keep `searchDocument`
 * calls and those index expressions in step (search.test.ts checks the plan on PostgreSQL).
 */

/** Words beyond this are ignored: each one adds a LIKE to the WHERE. */
export const MAX_SEARCH_WORDS = 8;

/** A text column, a text expression (e.g. a customer name subquery) or a `text[]` column (tags). */
export type SearchPart = PgColumn | SQL;

/**
 * The normalised document of `parts`. Text-array columns are spliced in with `arrays`, so the
 * expression stays `search_text(ARRAY[…] || tags)` — the shape the index was built on.
 */
export function searchDocument(parts: readonly SearchPart[], arrays: readonly PgColumn[] = []): SQL {
  const list = sql`ARRAY[${sql.join([...parts], sql`, `)}]::text[]`;
  const withArrays = arrays.reduce<SQL>((acc, column) => sql`${acc} || ${column}`, list);
  return sql`search_text(${withArrays})`;
}

/** The distinct words of `q` (whitespace-separated), at most MAX_SEARCH_WORDS. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(q.split(/\s+/).filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
}

/**
 * WHERE for `q` on `document`: every word, normalised in SQL and sent as a bound parameter with its
 * LIKE wildcards escaped, occurs in the document. No words → no condition.
 */
export function searchCondition(q: string | undefined, document: SQL | undefined): SQL | undefined {
  const words = searchWords(q);
  if (!document || words.length === 0) return undefined;
  return and(
    ...words.map(
      (word) => sql`${document} like '%' || search_text(ARRAY[${escapeLike(word)}]::text[]) || '%'`,
    ),
  );
}

/**
 * ORDER BY that lists first the row whose `column` is exactly the one word searched (case
 * aside): a picker showing ten rows must show the airport coded TUN among the many names holding
 * "tun". No column or not one word → nothing.
 */
export function exactMatchFirst(column: PgColumn | undefined, q: string | undefined): SQL[] {
  const words = searchWords(q);
  if (!column || words.length !== 1) return [];
  return [sql`(upper(${column}) = upper(${words[0]})) desc`];
}
