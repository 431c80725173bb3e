import { z } from 'zod';

/** Page sizes are capped so one request cannot ask the database for everything. */
export const MAX_PAGE_SIZE = 100;

/**
 * Lists count their matching rows up to this many: an exact count of 100,000 quotes reads them all
 * on every page, while a paginator only needs to know there are "10,000 or more" (200 pages of 50).
 */
export const LIST_COUNT_CAP = 10_000;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  q: z.string().trim().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** `sort=field:asc` where field comes from the given allowlist; anything else fails validation. */
export function sortSchema<const F extends readonly [string, ...string[]]>(fields: F) {
  const field = z.enum(fields);
  return z
    .string()
    .regex(/^[A-Za-z_]+:(asc|desc)$/, 'expected field:asc or field:desc')
    .transform((raw, ctx) => {
      const [name, direction] = raw.split(':') as [string, 'asc' | 'desc'];
      const parsed = field.safeParse(name);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `sort field must be one of ${fields.join(', ')}` });
        return z.NEVER;
      }
      return { field: parsed.data, direction };
    });
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Matching rows, counted up to LIST_COUNT_CAP: above it, the cap with `totalIsEstimate`. */
    total: z.number().int(),
    /** True when more than LIST_COUNT_CAP rows match and `total` is the cap, not the exact count. */
    totalIsEstimate: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
