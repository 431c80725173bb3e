import type { PaymentCreate } from '@velosi/contracts';
import { billingName } from '../../clients/clients.records.js';
import type { ClientRow } from '../../clients/clients.table.js';
import { numberingYear } from '../../common/numbering/yearly-counter.js';
import type { DemoSeedContext, DemoSeedStep } from '../../demo/seed.js';
import { priceInvoice } from '../../invoices/domain/invoice-pricing.js';
import { totalsColumns } from '../../invoices/domain/invoices.service.js';
import { InvoicesRepository, type InvoiceSeries } from '../../invoices/persistence/invoices.repository.js';
import type { InvoiceRow } from '../../invoices/persistence/invoices.table.js';
import { PaymentsService } from '../domain/payments.service.js';

const DAY_MS = 86_400_000;
const dayOffset = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** A TND line at 19 % (the demo invoices are simple on purpose: the receivables are the point). */
const line = (description: string, unitPrice: string, creditedLineId: string | null = null) => ({
  chargeTypeCode: null,
  description,
  quantity: '1',
  unitPrice,
  currency: 'TND',
  exchangeRate: '1',
  vatRate: 19,
  isDisbursement: false,
  jobChargeId: null,
  creditedLineId,
});

/**
 * An issued invoice (or credit note) dated `ageDays` ago, written the way the issue path writes
 * it: inserted as a draft, lines, number, then issued — so the frozen-row trigger holds as usual.
 * Its PDF is stored by the first read (the issue path's fallback).
 */
async function issuedDocument(
  ctx: DemoSeedContext,
  invoices: InvoicesRepository,
  client: ClientRow,
  spec: {
    key: string;
    ageDays: number;
    termsDays: number;
    lines: ReturnType<typeof line>[];
    credits?: InvoiceRow;
  },
): Promise<InvoiceRow> {
  const series: InvoiceSeries = spec.credits ? 'AV' : 'F';
  const priced = priceInvoice(spec.lines, {
    vatRegime: 'subject',
    stampDuty: spec.credits ? false : '1.000',
    currency: 'TND',
    exchangeRate: '1',
  });
  const invoiceDate = dayOffset(ctx.now, -spec.ageDays);
  const draft = await invoices.create(ctx.tx, ctx.actor, {
    id: ctx.id('invoice', spec.key),
    kind: spec.credits ? 'credit_note' : 'invoice',
    status: 'draft',
    clientId: client.id,
    creditedInvoiceId: spec.credits?.id ?? null,
    currency: 'TND',
    exchangeRate: '1',
    language: client.language,
    vatRegime: 'subject',
    invoiceDate,
    dueDate: spec.credits ? null : dayOffset(ctx.now, spec.termsDays - spec.ageDays),
    buyerName: billingName(client),
    ...totalsColumns(priced),
    createdBy: ctx.actor.user.sub,
    issuedAt: new Date(ctx.now.getTime() - spec.ageDays * DAY_MS),
    issuedBy: ctx.actor.user.sub,
  });
  await invoices.replaceLines(ctx.tx, draft.id, priced.lines);
  await invoices.assignNumber(ctx.tx, draft.id, series, numberingYear(invoiceDate));
  if (spec.credits) {
    await invoices.addSettlement(ctx.tx, spec.credits.id, { credited: priced.totals.totalTnd });
  }
  // assignNumber leaves the version alone: the draft row is still the current version.
  return invoices.updateLocked(ctx.tx, ctx.actor, draft, { status: 'issued' }, 'issue');
}

/**
 * Demo seed step (demo/demo-steps.ts, after the jobs): for each commercial's first two clients,
 * issued invoices, a credit note, partial and full payments (one with withholding tax) and an
 * overdue client, so receivables, ageing and reminders have something to show.
 */
export function paymentSeedStep(invoices: InvoicesRepository, payments: PaymentsService): DemoSeedStep {
  return async (ctx) => {
    const [late, good] = [...ctx.clients.values()];
    if (!late || !good) return { invoices: 0, payments: 0 };
    const doc = (client: ClientRow, key: string, ageDays: number, termsDays: number, price: string) =>
      issuedDocument(ctx, invoices, client, {
        key,
        ageDays,
        termsDays,
        lines: [line('Transit et dédouanement', price)],
      });
    const pay = (
      client: ClientRow,
      ageDays: number,
      body: Omit<PaymentCreate, 'clientId' | 'receivedOn' | 'currency'>,
    ) =>
      payments.record(ctx.tx, ctx.actor, client, {
        ...body,
        clientId: client.id,
        receivedOn: dayOffset(ctx.now, -ageDays),
        currency: 'TND',
      });
    // Overdue client: 95 and 45 days past due, one partly paid.
    const old = await doc(late, 'late-1', 125, 30, '2400.000'); // 2400 + 456 + 1 = 2857.000
    await doc(late, 'late-2', 75, 30, '1800.000'); // 1800 + 342 + 1 = 2143.000
    await pay(late, 60, {
      method: 'cheque',
      bankReference: 'CHQ 4410872',
      amount: '1000.000',
      allocations: [{ invoiceId: old.id, amount: '1000.000', withholdingAmount: '0' }],
    });
    // Good payer: paid in full with withholding tax (1.5 %), a credit note, one invoice not due.
    const paidInFull = await doc(good, 'good-1', 50, 30, '3000.000'); // 3571.000
    await pay(good, 25, {
      method: 'transfer',
      bankReference: 'VIR BIAT 2026-7781',
      amount: '3517.435',
      withholdingCertificateRef: 'CRS-DEMO-001',
      allocations: [{ invoiceId: paidInFull.id, amount: '3517.435', withholdingAmount: '53.565' }],
    });
    const credited = await doc(good, 'good-2', 20, 60, '1500.000'); // 1500 + 285 + 1 = 1786.000
    const [creditedLine] = await invoices.linesOf(ctx.tx, credited.id);
    await issuedDocument(ctx, invoices, good, {
      key: 'good-2-credit',
      ageDays: 10,
      termsDays: 0,
      lines: [line('Avoir : remise sur transit', '200.000', creditedLine?.id ?? null)],
      credits: credited,
    }); // 200 + 38 = 238.000 credited
    await doc(good, 'good-3', 5, 30, '900.000');
    return { invoices: 6, payments: 2 };
  };
}
