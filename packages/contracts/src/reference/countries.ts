import { z } from 'zod';
import { CountryCodeSchema, CurrencyCodeSchema } from '../common.js';

/** A country of ISO 3166-1 with its French and English names (`GET /api/countries`). */
export const CountrySchema = z.object({ code: CountryCodeSchema, nameFr: z.string(), nameEn: z.string() });
export type Country = z.infer<typeof CountrySchema>;
export const CountryListSchema = z.array(CountrySchema);

/** A currency of ISO 4217 with its names and minor-unit digits (`GET /api/currencies`). */
export const CurrencySchema = z.object({
  code: CurrencyCodeSchema,
  nameFr: z.string(),
  nameEn: z.string(),
  digits: z.number().int().min(0).max(4),
});
export type Currency = z.infer<typeof CurrencySchema>;
export const CurrencyListSchema = z.array(CurrencySchema);
