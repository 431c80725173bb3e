import { z } from 'zod';
import { CountryCodeSchema, line, optionalText, TransportModeSchema } from '../common.js';
import { BankAccountSchema, SwiftSchema } from '../fiscal/bank.js';
import { partnerContactFields } from './carriers.js';
import { ReadableCodeSchema, referenceContracts } from './reference.js';

const assignedCode = { code: ReadableCodeSchema };

// ----------------------------------------------------------------------------------- suppliers

export const SUPPLIER_CATEGORIES = [
  'trucking',
  'customs_broker',
  'warehouse',
  'insurance',
  'shipping_agent',
  'handling',
  'other',
] as const;
export const SupplierCategorySchema = z.enum(SUPPLIER_CATEGORIES);
export type SupplierCategory = z.infer<typeof SupplierCategorySchema>;

export const {
  create: SupplierCreateSchema,
  update: SupplierUpdateSchema,
  read: SupplierSchema,
  query: SupplierListQuerySchema,
  page: SupplierPageSchema,
  sortFields: SUPPLIER_SORT_FIELDS,
} = referenceContracts({
  fields: {
    name: line(200),
    category: SupplierCategorySchema,
    taxId: optionalText(50),
    ...partnerContactFields,
    paymentTermsDays: z.number().int().min(0).max(365).nullish(),
    bankAccount: BankAccountSchema.nullish(),
    swift: SwiftSchema.nullish(),
  },
  createDefaults: { country: CountryCodeSchema.default('TN') },
  assigned: assignedCode,
  sortFields: ['code', 'name', 'category', 'city'],
  filters: { category: SupplierCategorySchema.optional(), country: CountryCodeSchema.optional() },
});
export type SupplierCreate = z.infer<typeof SupplierCreateSchema>;
export type Supplier = z.infer<typeof SupplierSchema>;

// -------------------------------------------------------------------------------------- agents

/** Transport modes an agent handles. */
const ModeListSchema = z
  .array(TransportModeSchema)
  .max(10)
  .refine((m) => new Set(m).size === m.length, 'modes must not repeat');

/** Correspondents abroad: who handles our shipments at the other end. */
export const {
  create: AgentCreateSchema,
  update: AgentUpdateSchema,
  read: AgentSchema,
  query: AgentListQuerySchema,
  page: AgentPageSchema,
  sortFields: AGENT_SORT_FIELDS,
} = referenceContracts({
  fields: {
    name: line(200),
    ...partnerContactFields,
    modes: ModeListSchema,
    contactName: optionalText(200),
  },
  createDefaults: { modes: ModeListSchema.default(() => []) },
  assigned: assignedCode,
  sortFields: ['code', 'name', 'country', 'city'],
  filters: { country: CountryCodeSchema.optional(), mode: TransportModeSchema.optional() },
});
export type AgentCreate = z.infer<typeof AgentCreateSchema>;
export type Agent = z.infer<typeof AgentSchema>;
