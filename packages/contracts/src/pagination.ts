import { z } from 'zod';

/** Page sizes are capped so one request cannot ask the database for everything. */
export const MAX_PAGE_SIZE = 100;

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
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
