import { Injectable } from '@nestjs/common';
import {
  compareAmounts,
  subtractAmounts,
  type CreditNoteCreate,
  type Invoice,
  type InvoiceIssue,
  type InvoiceSend,
  type InvoiceSendResult,
} from '@velosi/contracts';
import { billingName } from '../../clients/clients.records.js';
import type { ClientRow } from '../../clients/clients.table.js';
import { businessToday } from '../../common/business-day.js';
import { numberingYear } from '../../common/numbering/yearly-counter.js';
import type { Actor } from '../../common/records/actor.js';
import { invalidState } from '../../common/records/problems.js';
import { ValidationProblem } from '../../common/validation.js';
import { Mailer } from '../../mail/mailer.js';
import { InvoiceDocuments } from '../documents/invoice-documents.js';
import { invoiceMail } from '../documents/invoice-mail.js';
import type { InvoiceRow } from '../persistence/invoices.table.js';
import { assertCreditAllowed, assertVatSuspensionCovers, dueDateOf } from './invoice-terms.js';
import { priceInvoice, type UnpricedLine } from './invoice-pricing.js';
import { assertDraft, InvoicesService, totalsColumns, unpriced } from './invoices.service.js';

/** The buyer as printed, copied from the client at issue (later client edits do not touch it). */
function buyerOf(client: ClientRow) {
  return {
    buyerName: billingName(client),
    buyerAddress: [client.address, client.city, client.country].filter(Boolean).join(', ') || null,
    buyerFiscalId: client.fiscalId,
    buyerAccount: client.accountingAccount,
  };
}

/** Issue (number, freeze, stored PDF), credit notes and sending: the actions on issued documents. */
@Injectable()
export class InvoiceIssueService {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly documents: InvoiceDocuments,
    private readonly mailer: Mailer,
  ) {}

  private get repository() {
    return this.invoices.repository;
  }

  /**
   * In one transaction: checks (VAT suspension, block, credit limit), re-prices with the client's
   * fiscal data of today, copies the buyer, takes the next `F{YYYY}` number and audits. The PDF is
   * rendered and stored right after COMMIT, so the counter's row lock is never held while a PDF
   * is laid out (the first read stores it if that step failed).
   */
  async issue(actor: Actor, id: string, body: InvoiceIssue): Promise<Invoice> {
    this.inFlight += 1;
    try {
      return await this.issueOnce(actor, id, body);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Issues in progress on this instance: during a burst the PDFs are left to their first read. */
  private inFlight = 0;

  private async issueOnce(actor: Actor, id: string, body: InvoiceIssue): Promise<Invoice> {
    const row = await this.repository.db.transaction(async (tx) => {
      const before = await this.repository.lockVersion(tx, actor.user, id, body.version);
      assertDraft(before);
      const today = businessToday();
      const client = await this.invoices.clientOf(tx, before.clientId);
      assertVatSuspensionCovers(client, today);
      const lines = (await this.repository.linesOf(tx, id)).map(unpriced);
      const priced = this.invoices.price(client, lines, before.currency, before.exchangeRate);
      assertCreditAllowed(
        actor.user,
        body.confirm,
        client,
        await this.repository.openBalance(tx, client.id),
        priced.totals.totalTnd,
      );
      await this.repository.replaceLines(tx, id, priced.lines);
      await this.repository.assignNumber(tx, id, 'F', numberingYear(today));
      return this.repository.updateLocked(
        tx,
        actor,
        before,
        {
          status: 'issued',
          invoiceDate: today,
          dueDate: dueDateOf(today, client.paymentTermsDays, client.paymentTermsEndOfMonth),
          language: client.language,
          vatRegime: client.vatRegime,
          ...buyerOf(client),
          ...totalsColumns(priced),
          issuedAt: new Date(),
          issuedBy: actor.user.sub,
        },
        'issue',
      );
    });
    return this.afterIssue(row);
  }

  /**
   * Stores the PDF of a document just issued, unless other issues are in progress here: laying
   * out a PDF blocks the event loop, which would hold back the transactions queued on the
   * counter row (a burst of 500 issues); their PDFs are then stored by their first read.
   */
  private async afterIssue(row: InvoiceRow): Promise<Invoice> {
    const invoice = await this.invoices.present(this.repository.db, row);
    if (this.inFlight <= 1) await this.documents.storeAfterIssue(this.repository.db, row, invoice);
    return invoice;
  }

  /**
   * A credit note on an issued invoice, issued at once (`AV{YYYY}`): given lines and quantities,
   * or everything not credited yet. The invoice row is locked so two credit notes cannot both
   * take the same remaining quantity. Stamp duty is given back only once the whole invoice is
   * cancelled: by the credit note that credits what was left on every line.
   */
  async creditNote(actor: Actor, id: string, body: CreditNoteCreate): Promise<Invoice> {
    const row = await this.repository.db.transaction(async (tx) => {
      const original = await this.repository.require(tx, actor.user, id, { mode: 'write', lock: true });
      if (original.status !== 'issued' || original.kind !== 'invoice') {
        throw invalidState('Only an issued invoice can be credited.');
      }
      const lines = await this.repository.linesOf(tx, id);
      const credited = await this.repository.creditedQuantities(tx, id);
      const remaining = new Map(
        lines.map((l) => [l.id, subtractAmounts(l.quantity, credited.get(l.id) ?? '0')]),
      );
      const wanted =
        body.lines ?? lines.map((l) => ({ invoiceLineId: l.id, quantity: remaining.get(l.id) ?? '0' }));
      const errors = wanted.flatMap((w, i) => {
        const left = remaining.get(w.invoiceLineId);
        if (left === undefined)
          return [{ field: `lines.${i}.invoiceLineId`, message: 'no line of this invoice with this id' }];
        return compareAmounts(w.quantity, left) > 0
          ? [{ field: `lines.${i}.quantity`, message: `at most ${left} left to credit on this line` }]
          : [];
      });
      if (errors.length > 0) throw new ValidationProblem(errors);
      const items: UnpricedLine[] = wanted.flatMap((w) => {
        const line = lines.find((l) => l.id === w.invoiceLineId);
        if (!line || compareAmounts(w.quantity, '0') <= 0) return [];
        return [{ ...unpriced(line), quantity: w.quantity, jobChargeId: null, creditedLineId: line.id }];
      });
      if (items.length === 0) throw invalidState('This invoice is already fully credited.');
      const cancelsAll = lines.every((l) => {
        const left = remaining.get(l.id) ?? '0';
        const now = items.find((i) => i.creditedLineId === l.id)?.quantity ?? '0';
        return compareAmounts(now, left) === 0;
      });
      // The invoice's own VAT (0 % lines of a suspended client stay 0 %): priced as "subject".
      const priced = priceInvoice(items, {
        vatRegime: 'subject',
        stampDuty: cancelsAll && original.stampDutyTnd !== '0.000' ? original.stampDutyTnd : false,
        currency: original.currency,
        exchangeRate: original.exchangeRate,
      });
      const today = businessToday();
      const {
        id: _id,
        version: _v,
        createdAt: _c,
        updatedAt: _u,
        archivedAt: _a,
        number: _n,
        sequence: _s,
        year: _y,
        sentAt: _sent,
        ...copied
      } = original;
      const note = await this.repository.create(tx, actor, {
        ...copied,
        ...totalsColumns(priced),
        createdBy: actor.user.sub,
        kind: 'credit_note',
        // Inserted as a draft, numbered, then issued: the row is never issued without its number.
        status: 'draft',
        creditedInvoiceId: original.id,
        invoiceDate: today,
        dueDate: null,
        notes: body.reason,
        issuedAt: new Date(),
        issuedBy: actor.user.sub,
      });
      await this.repository.replaceLines(tx, note.id, priced.lines);
      const number = await this.repository.assignNumber(tx, note.id, 'AV', numberingYear(today));
      await this.repository.addSettlement(tx, original.id, {
        credited: priced.totals.totalCurrency ?? priced.totals.totalTnd,
      });
      await this.repository.recordAudit(tx, actor, 'credit', original.id, undefined, {
        creditNoteId: note.id,
        number,
      });
      return this.repository.updateLocked(tx, actor, note, { status: 'issued' }, 'issue');
    });
    return this.afterIssue(row);
  }

  /** E-mails the stored PDF (the very bytes of the issue) and records when and to whom. */
  async send(actor: Actor, id: string, body: InvoiceSend): Promise<InvoiceSendResult> {
    return this.repository.db.transaction(async (tx) => {
      const before = await this.repository.require(tx, actor.user, id, { mode: 'write', lock: true });
      if (before.status !== 'issued')
        throw invalidState('Only an issued invoice or credit note can be sent.');
      const invoice = await this.invoices.present(tx, before);
      const { pdf, filename } = await this.documents.pdfOf(tx, before, invoice);
      const receipt = await this.mailer.sendOrBadGateway(
        {
          to: body.recipients,
          ...invoiceMail(invoice, body.message, actor.user.name),
          replyTo: actor.user.email ?? undefined,
          attachments: [{ filename, content: pdf, contentType: 'application/pdf' }],
        },
        'The e-mail server did not accept the message; the invoice was not sent.',
      );
      const after = await this.repository.updateLocked(tx, actor, before, { sentAt: new Date() }, 'send');
      await this.repository.recordAudit(tx, actor, 'email', id, undefined, {
        recipients: body.recipients,
        messageId: receipt.messageId,
        // Without a mail server nothing reached the client: the history must not say "sent".
        ...(receipt.outboxPath !== undefined ? { outbox: true } : {}),
      });
      return {
        invoice: {
          ...this.repository.definition.toApi(after),
          jobNumber: invoice.jobNumber,
          lines: invoice.lines,
        },
        recipients: body.recipients,
        transport: this.mailer.transportKind,
      };
    });
  }
}
