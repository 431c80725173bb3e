import { Injectable } from '@nestjs/common';
import {
  compareAmounts,
  type FieldError,
  sumAmounts,
  type Payment,
  type PaymentCreate,
  type PaymentListQuery,
  type PaymentPage,
  type PaymentReverse,
} from '@velosi/contracts';
import { eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { AuditActors } from '../../audit/audit-actors.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { billingName } from '../../clients/clients.records.js';
import type { ClientRow } from '../../clients/clients.table.js';
import { businessToday } from '../../common/business-day.js';
import { numberingYear } from '../../common/numbering/yearly-counter.js';
import type { Actor } from '../../common/records/actor.js';
import { invalidState } from '../../common/records/problems.js';
import type { Executor, RecordRow } from '../../common/records/repository.js';
import { ValidationProblem } from '../../common/validation.js';
import type { Transaction } from '../../database/database.types.js';
import { InvoiceParties } from '../../invoices/domain/invoice-parties.js';
import { settlementOf } from '../../invoices/persistence/invoice-settlement.js';
import { InvoicesRepository } from '../../invoices/persistence/invoices.repository.js';
import type { InvoiceRow } from '../../invoices/persistence/invoices.table.js';
import { PaymentsRepository } from '../persistence/payments.repository.js';
import { payments } from '../persistence/payments.table.js';

/**
 * Why each allocation may not settle its invoice (400 problems, one per allocation). Cash and
 * withholding tax both settle the invoice, in the invoice's currency, which must be the
 * payment's: a USD invoice is paid in USD (the receipt's TND value is the bank's business, the
 * receivable stays in the currency the client owes).
 */
function allocationErrors(body: PaymentCreate, locked: readonly InvoiceRow[], today: string): FieldError[] {
  return body.allocations.flatMap((a, i): FieldError[] => {
    const field = `allocations.${i}.invoiceId`;
    const invoice = locked.find((row) => row.id === a.invoiceId);
    if (!invoice || invoice.clientId !== body.clientId) {
      return [{ field, message: 'no invoice of this client with this id' }];
    }
    if (invoice.status !== 'issued' || invoice.kind !== 'invoice') {
      return [{ field, message: 'only an issued invoice can be paid' }];
    }
    if (invoice.currency !== body.currency) {
      return [{ field, message: `the invoice is in ${invoice.currency}, the payment in ${body.currency}` }];
    }
    const { openAmount } = settlementOf(invoice, today);
    if (compareAmounts(sumAmounts([a.amount, a.withholdingAmount]), openAmount) > 0) {
      return [
        {
          field: `allocations.${i}.amount`,
          message: `${invoice.number} has ${openAmount} ${invoice.currency} open; amount + withholding must not exceed it`,
        },
      ];
    }
    return [];
  });
}

/** Payments: record (allocated to invoices), read, list, reverse. Never deleted. */
@Injectable()
export class PaymentsService {
  constructor(
    readonly repository: PaymentsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly parties: InvoiceParties,
    private readonly actors: AuditActors,
  ) {}

  list(user: AuthUser, query: PaymentListQuery): Promise<PaymentPage> {
    const filters: (SQL | undefined)[] = [
      query.clientId ? eq(payments.clientId, query.clientId) : undefined,
      query.invoiceId ? this.repository.paidInvoiceCondition(query.invoiceId) : undefined,
      query.method ? inArray(payments.method, query.method) : undefined,
      query.status ? inArray(payments.status, query.status) : undefined,
      query.from ? gte(payments.receivedOn, query.from) : undefined,
      query.to ? lte(payments.receivedOn, query.to) : undefined,
    ];
    return this.repository.list(user, query, filters);
  }

  async get(user: AuthUser, id: string): Promise<Payment> {
    const executor = this.repository.db;
    const row = await this.repository.require(executor, user, id);
    return this.present(executor, row, await this.reverserName(row.reversedBy));
  }

  /** `reversedByName` is looked up by the caller, never inside a transaction (Keycloak is remote). */
  private async present(
    executor: Executor,
    row: RecordRow<typeof payments>,
    reversedByName: string | null = null,
  ): Promise<Payment> {
    const allocations = await this.repository.allocationsOf(executor, row.id);
    return { ...this.repository.definition.toApi(row), reversedByName, allocations };
  }

  /** Best effort (Keycloak down or user deleted: null, the page still answers). */
  private async reverserName(id: string | null): Promise<string | null> {
    if (!id) return null;
    return (await this.actors.namesOf([id])).get(id)?.name ?? null;
  }

  /**
   * In one transaction: locks the invoices (so a concurrent payment waits and then sees this
   * one's settlement), checks every allocation against the open amount, numbers the receipt,
   * stores it with its allocations, moves the invoices' paid sums and audits.
   */
  async create(actor: Actor, body: PaymentCreate): Promise<Payment> {
    const today = businessToday();
    if (body.receivedOn > today) {
      throw new ValidationProblem([
        { field: 'receivedOn', message: 'a payment cannot be received in the future' },
      ]);
    }
    return this.repository.db.transaction(async (tx) =>
      this.record(tx, actor, await this.parties.client(tx, actor.user, body.clientId), body, today),
    );
  }

  /** `create` inside the caller's transaction, for a client already checked (also the demo seed). */
  async record(
    tx: Transaction,
    actor: Actor,
    client: Pick<ClientRow, 'id' | 'name' | 'legalName'>,
    body: PaymentCreate,
    today = businessToday(),
  ): Promise<Payment> {
    const locked = await this.invoices.lockForSettlement(
      tx,
      body.allocations.map((a) => a.invoiceId),
    );
    const errors = allocationErrors(body, locked, today);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const { number, sequence } = await this.repository.nextNumber(tx, numberingYear(today));
    const row = await this.repository.create(tx, actor, {
      number,
      year: numberingYear(today),
      sequence,
      clientId: client.id,
      clientName: billingName(client),
      receivedOn: body.receivedOn,
      method: body.method,
      bankReference: body.bankReference ?? null,
      amount: body.amount,
      currency: body.currency,
      allocatedAmount: sumAmounts(body.allocations.map((a) => a.amount)),
      withholdingAmount: sumAmounts(body.allocations.map((a) => a.withholdingAmount)),
      withholdingCertificateRef: body.withholdingCertificateRef ?? null,
      notes: body.notes ?? null,
      createdBy: actor.user.sub,
    });
    await this.repository.insertAllocations(tx, row.id, body.allocations);
    await this.settle(tx, body.allocations, 1);
    await this.repository.recordAudit(tx, actor, 'allocate', row.id, undefined, {
      allocations: body.allocations,
    });
    return this.present(tx, row);
  }

  /**
   * The audited reversal of a wrong payment: the row stays, marked reversed with who, when and
   * why; its allocations no longer count, so the invoices go back to unpaid / partially paid.
   */
  async reverse(actor: Actor, id: string, body: PaymentReverse): Promise<Payment> {
    return this.repository.db.transaction(async (tx) => {
      const before = await this.repository.lockVersion(tx, actor.user, id, body.version);
      if (before.status === 'reversed') throw invalidState('This payment is already reversed.');
      const allocations = await this.repository.allocationRowsOf(tx, id);
      await this.invoices.lockForSettlement(
        tx,
        allocations.map((a) => a.invoiceId),
      );
      await this.settle(tx, allocations, -1);
      const after = await this.repository.updateLocked(
        tx,
        actor,
        before,
        {
          status: 'reversed',
          reversedAt: new Date(),
          reversedBy: actor.user.sub,
          reversalReason: body.reason,
        },
        'reverse',
      );
      // The reverser is the caller: their token names them, no lookup while the rows are locked.
      return this.present(tx, after, actor.user.name);
    });
  }

  /** Adds (sign 1) or takes back (sign −1) cash + withholding on each invoice, rows already locked. */
  private async settle(
    tx: Transaction,
    allocations: readonly { invoiceId: string; amount: string; withholdingAmount: string }[],
    sign: 1 | -1,
  ): Promise<void> {
    for (const a of allocations) {
      const settled = sumAmounts([a.amount, a.withholdingAmount]);
      await this.invoices.addSettlement(tx, a.invoiceId, { paid: sign < 0 ? `-${settled}` : settled });
    }
  }
}
