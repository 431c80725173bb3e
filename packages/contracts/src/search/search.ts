import { z } from 'zod';
import { EntityIdSchema } from '../common.js';
import { FIELD_MESSAGES } from '../problem.js';

/** The record types global search looks in, in the order the groups are answered. */
export const SEARCH_TYPES = [
  'quotes',
  'clients',
  'contacts',
  'leads',
  'opportunities',
  'jobs',
  'invoices',
] as const;
export const SearchTypeSchema = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof SearchTypeSchema>;

/** Results per type: a quick-open list, not a report. */
export const SEARCH_LIMIT_PER_TYPE = 5;

export const SearchQuerySchema = z.strictObject({
  // Bounded: each word is a LIKE on seven tables (common/search caps the words too).
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .regex(/^\P{Cc}*$/u, FIELD_MESSAGES.singleLine),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z.object({
  id: EntityIdSchema,
  /** Quote, job or invoice number (empty for a draft invoice), client name, contact or lead full name, opportunity title. */
  title: z.string(),
  /**
   * Quote title and customer, client city, contact's client, lead company, opportunity customer, a
   * job's client, an invoice's buyer.
   */
  subtitle: z.string().nullable(),
  /** A contact opens its client's page. */
  clientId: EntityIdSchema.nullable(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchGroupSchema = z.object({
  type: SearchTypeSchema,
  items: z.array(SearchHitSchema),
  /** More matches exist than the ones listed. */
  more: z.boolean(),
});
export type SearchGroup = z.infer<typeof SearchGroupSchema>;

/** Only the types the user may read, each with at least one hit. */
export const SearchResultSchema = z.object({ groups: z.array(SearchGroupSchema) });
export type SearchResult = z.infer<typeof SearchResultSchema>;
