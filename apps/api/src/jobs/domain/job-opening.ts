import { Injectable } from '@nestjs/common';
import { jobChargeAmountTnd, jobNumberPrefix, type Traffic } from '@velosi/contracts';
import { asc, eq } from 'drizzle-orm';
import { businessToday } from '../../common/business-day.js';
import { numberingYear } from '../../common/numbering/yearly-counter.js';
import type { Actor } from '../../common/records/actor.js';
import type { Transaction } from '../../database/database.types.js';
import { quoteLines, type QuoteRow } from '../../quotes/persistence/quotes.table.js';
import { JobPartsRepository } from '../persistence/job-parts.repository.js';
import { JobsRepository } from '../persistence/jobs.repository.js';
import type { JobRow } from '../persistence/jobs.table.js';

export interface OpenedJob {
  row: JobRow;
  /** False when the quote already had its job (the manual route answers 200 then). */
  created: boolean;
}

/** Called after a job is created, in its transaction (commercials' notifications hook in here). */
export type JobOpenedListener = (tx: Transaction, job: JobRow, actor: Actor) => Promise<void>;

const isZero = (value: string) => !/[1-9]/.test(value);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Opens the job file of an accepted quote, in the caller's transaction: QuoteAcceptance calls it
 * (staff accept and the public link alike) so the job commits with the acceptance, and
 * `POST /api/quotes/:id/job` calls it for quotes accepted before jobs existed. One job per quote
 * (unique quote_id, insertOnce); the number is taken last (see assignNumber).
 */
@Injectable()
export class JobOpening {
  private readonly listeners: JobOpenedListener[] = [];

  constructor(
    private readonly jobs: JobsRepository,
    private readonly parts: JobPartsRepository,
  ) {}

  /** Registers work to run when a job is opened (e.g. notifying the client's commercial). */
  onJobOpened(listener: JobOpenedListener): void {
    this.listeners.push(listener);
  }

  async openForQuote(tx: Transaction, actor: Actor, quote: QuoteRow, id?: string): Promise<OpenedJob> {
    if (!quote.clientId) throw new Error(`accepted quote ${quote.number} has no client`);
    const transport = quote.transport ?? {};
    const sea = quote.mode.startsWith('sea');
    const air = quote.mode.startsWith('air');
    const inserted = await this.jobs.insertOnce(tx, {
      ...(id ? { id } : {}),
      status: 'open',
      quoteId: quote.id,
      clientId: quote.clientId,
      contactId: quote.contactId,
      mode: quote.mode,
      direction: quote.direction,
      incoterm: quote.incoterm,
      incotermPlace: quote.incotermPlace,
      originCode: quote.originCode,
      originAddress: quote.originAddress,
      destinationCode: quote.destinationCode,
      destinationAddress: quote.destinationAddress,
      commodity: quote.commodity,
      packagesCount: quote.packagesCount,
      grossWeightKg: quote.grossWeightKg,
      volumeM3: quote.volumeM3,
      containersRequested: quote.containers,
      // The export shipper / import consignee is normally the client itself.
      shipperId: quote.direction === 'export' ? quote.clientId : null,
      consigneeId: quote.direction === 'import' ? quote.clientId : null,
      carrierCode: quote.carrierCode,
      carrierText: textOf(transport.carrierName),
      bookingNumber: textOf(transport.bookingReference),
      vesselName: sea ? textOf(transport.vesselName) : null,
      voyageNumber: sea ? textOf(transport.voyageNumber) : null,
      flightNumber: air ? textOf(transport.flightNumber) : null,
      polCode: sea || air ? quote.originCode : null,
      podCode: sea || air ? quote.destinationCode : null,
      etd: textOf(transport.etd),
      eta: textOf(transport.eta),
      notes: textOf(transport.notes),
      // A job's assignees are the operations staff who run it, picked once it is open; the
      // quote's commercial follows it through the client (visibility, milestone notifications).
      assignedTo: [],
      createdBy: actor.user.sub,
    });
    if (!inserted) {
      const existing = await this.jobs.findByQuote(tx, quote.id);
      if (!existing) throw new Error(`job of quote ${quote.number} vanished`);
      return { row: existing, created: false };
    }
    await this.copyPlannedCharges(tx, actor, quote.id, inserted.id);
    const prefix = jobNumberPrefix(quote.mode, quote.direction as Traffic);
    const row = await this.jobs.assignNumber(tx, inserted.id, prefix, numberingYear(businessToday()));
    await this.jobs.recordAudit(tx, actor, 'create', row.id, undefined, this.jobs.definition.toApi(row));
    for (const listener of this.listeners) await listener(tx, row, actor);
    return { row, created: true };
  }

  /** The quote's lines become planned revenue (sell) and planned cost (buy) lines; zero prices are left out. */
  private async copyPlannedCharges(
    tx: Transaction,
    actor: Actor,
    quoteId: string,
    jobId: string,
  ): Promise<void> {
    const lines = await tx
      .select()
      .from(quoteLines)
      .where(eq(quoteLines.quoteId, quoteId))
      .orderBy(asc(quoteLines.position));
    const planned = lines.flatMap((line) =>
      (
        [
          ['revenue', line.sellUnitPrice],
          ['cost', line.buyUnitPrice],
        ] as const
      )
        .filter(([, price]) => !isZero(price))
        .map(([side, unitPrice]) => ({
          jobId,
          side,
          stage: 'planned',
          chargeTypeCode: line.chargeTypeCode,
          description: line.description,
          quantity: line.quantity,
          unitPrice,
          currency: line.currency,
          exchangeRate: line.exchangeRate,
          vatRate: line.vatRate,
          isDisbursement: line.isDisbursement,
          amountTnd: jobChargeAmountTnd({
            quantity: line.quantity,
            unitPrice,
            exchangeRate: line.exchangeRate,
          }),
          quoteLineId: line.id,
          createdBy: actor.user.sub,
        })),
    );
    await this.parts.insertCharges(tx, planned);
  }
}
