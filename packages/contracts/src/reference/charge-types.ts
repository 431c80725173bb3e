import { z } from 'zod';
import { QueryBooleanSchema, text } from '../common.js';
import { ChargeTypeCodeSchema, QuoteLineKindSchema, QuoteLineUnitSchema } from '../quotes/quote-lines.js';
import { VatRateSchema } from '../quotes/quote-totals.js';
import { referenceContracts } from './reference.js';

/**
 * A kind of charge a quote line (later an invoice line) is made of: picking it fills the line's
 * description, unit, VAT rate, débours flag and kind (all still editable on the line).
 */
const chargeTypeFields = {
  code: ChargeTypeCodeSchema,
  labelFr: text(200),
  labelEn: text(200),
  kind: QuoteLineKindSchema,
  defaultUnit: QuoteLineUnitSchema,
  defaultVatRate: VatRateSchema,
  /** Débours: re-billed at cost, outside VAT (docs/rules.md). */
  isDisbursement: z.boolean(),
};

export const {
  create: ChargeTypeCreateSchema,
  update: ChargeTypeUpdateSchema,
  read: ChargeTypeSchema,
  query: ChargeTypeListQuerySchema,
  page: ChargeTypePageSchema,
  sortFields: CHARGE_TYPE_SORT_FIELDS,
} = referenceContracts({
  fields: chargeTypeFields,
  createDefaults: { isDisbursement: z.boolean().default(false) },
  sortFields: ['code', 'kind'],
  filters: { kind: QuoteLineKindSchema.optional(), isDisbursement: QueryBooleanSchema.optional() },
});
export type ChargeTypeCreate = z.infer<typeof ChargeTypeCreateSchema>;
export type ChargeTypeUpdate = z.infer<typeof ChargeTypeUpdateSchema>;
export type ChargeType = z.infer<typeof ChargeTypeSchema>;
export type ChargeTypeListQuery = z.infer<typeof ChargeTypeListQuerySchema>;
