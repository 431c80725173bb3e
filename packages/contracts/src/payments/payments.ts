import { z } from 'zod';
import {
  AmountSchema,
  CurrencyCodeSchema,
  EntityIdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  QuantitySchema,
  VersionSchema,
  listContracts,
  optionalText,
  queryListSchema,
  readSchema,
  text,
} from '../common.js';
import { Dec, isDecimalString, parseDecimal } from '../decimal.js';
import { InvoiceNumberSchema } from '../invoices/invoices.js';
import { BASE_CURRENCY } from '../vocabulary.js';

/** Virement, chèque, espèces, effet / traite. */
export const PAYMENT_METHODS = ['transfer', 'cheque', 'cash', 'bill_of_exchange'] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/** A wrong payment is reversed (an audited entry), never deleted. */
export const PAYMENT_STATUSES = ['recorded', 'reversed'] as const;
export const PaymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

/** Receipt numbers, gapless per year: R2026-00042. */
export const PaymentNumberSchema = z.string().regex(/^R\d{4}-\d{5}$/, 'expected R2026-00042');

// --------------------------------------------------------------------------------- allocations

/**
 * One invoice settled (partly) by a payment. Amounts are in the invoice's currency, which must be
 * the payment's currency. `withholdingAmount` (retenue à la source) is kept per allocation
 * because the tax is computed on each invoice; it settles the invoice like cash.
 */
export const PaymentAllocationInputSchema = z.strictObject({
  invoiceId: EntityIdSchema,
  /** Cash applied to the invoice (may be 0 when only withholding tax settles it). */
  amount: AmountSchema,
  withholdingAmount: AmountSchema.default('0'),
});
export type PaymentAllocationInput = z.input<typeof PaymentAllocationInputSchema>;

export const PaymentAllocationSchema = z.object({
  id: EntityIdSchema,
  invoiceId: EntityIdSchema,
  invoiceNumber: InvoiceNumberSchema.nullable(),
  amount: AmountSchema,
  withholdingAmount: AmountSchema,
});
export type PaymentAllocation = z.infer<typeof PaymentAllocationSchema>;

const isPositive = (v: string) => parseDecimal(v, 'amount').greaterThan(0);

// ------------------------------------------------------------------------------------ payment

/** POST /api/payments: money received from one client, allocated to one or several invoices. */
export const PaymentCreateSchema = z
  .strictObject({
    clientId: EntityIdSchema,
    receivedOn: IsoDateSchema,
    method: PaymentMethodSchema,
    /** Transfer reference, cheque or bill number. */
    bankReference: optionalText(100),
    /** Cash received, in `currency`. */
    amount: QuantitySchema,
    currency: CurrencyCodeSchema.default(BASE_CURRENCY),
    /** The client's certificate of withholding tax (certificat de retenue à la source). */
    withholdingCertificateRef: optionalText(100),
    notes: optionalText(2000),
    allocations: z.array(PaymentAllocationInputSchema).min(1).max(100),
  })
  .superRefine((p, ctx) => {
    // zod runs this refinement even when an amount failed its own pattern: that field's issue
    // already says what is wrong, and the sums below need decimals.
    const amounts = [p.amount, ...p.allocations.flatMap((a) => [a.amount, a.withholdingAmount])];
    if (!amounts.every(isDecimalString)) return;
    const ids = new Set<string>();
    let cash = new Dec(0);
    let withholding = new Dec(0);
    p.allocations.forEach((a, i) => {
      if (ids.has(a.invoiceId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['allocations', i, 'invoiceId'],
          message: 'invoice allocated twice',
        });
      }
      ids.add(a.invoiceId);
      if (!isPositive(a.amount) && !isPositive(a.withholdingAmount)) {
        ctx.addIssue({
          code: 'custom',
          path: ['allocations', i, 'amount'],
          message: 'allocation settles nothing',
        });
      }
      cash = cash.plus(parseDecimal(a.amount, 'amount'));
      withholding = withholding.plus(parseDecimal(a.withholdingAmount, 'withholdingAmount'));
    });
    if (cash.greaterThan(parseDecimal(p.amount, 'amount'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['allocations'],
        message: 'allocations must not exceed the amount received',
      });
    }
    if (withholding.greaterThan(0) && !p.withholdingCertificateRef) {
      ctx.addIssue({
        code: 'custom',
        path: ['withholdingCertificateRef'],
        message: 'withholding tax needs its certificate reference',
      });
    }
  });
export type PaymentCreate = z.infer<typeof PaymentCreateSchema>;
export type PaymentCreateInput = z.input<typeof PaymentCreateSchema>;

/** POST /api/payments/:id/reverse: the payment stays, marked reversed; its invoices reopen. */
export const PaymentReverseSchema = z.strictObject({
  version: VersionSchema,
  reason: text(500),
});
export type PaymentReverse = z.infer<typeof PaymentReverseSchema>;

export const PaymentSchema = readSchema({
  number: PaymentNumberSchema,
  clientId: EntityIdSchema,
  clientName: z.string(),
  receivedOn: IsoDateSchema,
  method: PaymentMethodSchema,
  bankReference: z.string().nullable(),
  amount: AmountSchema,
  currency: CurrencyCodeSchema,
  /** Cash applied to invoices (withholding excluded). */
  allocatedAmount: AmountSchema,
  /** amount − allocatedAmount. */
  unallocatedAmount: AmountSchema,
  withholdingAmount: AmountSchema,
  withholdingCertificateRef: z.string().nullable(),
  notes: z.string().nullable(),
  status: PaymentStatusSchema,
  reversedAt: IsoDateTimeSchema.nullable(),
  reversedBy: z.string().nullable(),
  /**
   * The reverser's name from the identity provider (any role, FINANCE included); null when not
   * reversed or the user is unknown. Detail answers only: a list would need a lookup per row.
   */
  reversedByName: z.string().nullable(),
  reversalReason: z.string().nullable(),
  allocations: z.array(PaymentAllocationSchema),
});
export type Payment = z.infer<typeof PaymentSchema>;
export type PaymentSummary = Omit<Payment, 'allocations' | 'reversedByName'>;

export const {
  sortFields: PAYMENT_SORT_FIELDS,
  query: PaymentListQuerySchema,
  page: PaymentPageSchema,
} = listContracts(
  PaymentSchema.omit({ allocations: true, reversedByName: true }),
  ['number', 'receivedOn', 'amount'],
  {
    clientId: EntityIdSchema.optional(),
    invoiceId: EntityIdSchema.optional(),
    method: queryListSchema(PaymentMethodSchema).optional(),
    status: queryListSchema(PaymentStatusSchema).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  },
);
export type PaymentListQuery = z.infer<typeof PaymentListQuerySchema>;
export type PaymentPage = z.infer<typeof PaymentPageSchema>;
