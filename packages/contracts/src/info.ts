import { z } from 'zod';

export const DatabaseKindSchema = z.enum(['pglite', 'postgres']);
export type DatabaseKind = z.infer<typeof DatabaseKindSchema>;

/** `GET /api/info`: public facts the SPA shows on its home page. */
export const ApiInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  database: DatabaseKindSchema,
});
export type ApiInfo = z.infer<typeof ApiInfoSchema>;
