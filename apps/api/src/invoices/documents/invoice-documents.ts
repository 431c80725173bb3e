import { Inject, Injectable } from '@nestjs/common';
import type { Invoice } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import type { Executor } from '../../common/records/repository.js';
import { rendererBusy } from '../../documents/pdf-renderer.js';
import type { RenderedPdf } from '../../documents/pdf-response.js';
import { InvoicesRepository } from '../persistence/invoices.repository.js';
import { invoices, type InvoiceRow } from '../persistence/invoices.table.js';
import { renderInvoicePdf } from './invoice-pdf.js';

/**
 * The issued PDF: rendered once from the frozen record and stored; every later read answers the
 * stored bytes, so the document the client received is reproduced byte for byte (a re-render
 * would differ, if only by its creation date).
 */
@Injectable()
export class InvoiceDocuments {
  constructor(
    private readonly repository: InvoicesRepository,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  /** The stored PDF, rendered and stored first if the issue could not (busy renderer, crash). */
  async pdfOf(executor: Executor, row: InvoiceRow, invoice: Invoice): Promise<RenderedPdf> {
    const stored = await this.repository.storedPdf(executor, row.id);
    if (stored) return { pdf: stored.bytes, filename: stored.filename };
    const filename = `${row.number ?? row.id}.pdf`;
    await this.repository.storePdf(executor, row.id, filename, await this.render(executor, row, invoice));
    // Read back: a concurrent first render may have stored its bytes before ours.
    const kept = await this.repository.storedPdf(executor, row.id);
    if (!kept) throw new Error(`invoice ${row.id}: PDF not stored`);
    return { pdf: kept.bytes, filename: kept.filename };
  }

  /**
   * Right after the issue commits: stores the PDF. During a burst of issues (renderer busy) or if
   * rendering fails, the first read (GET pdf, send) stores it instead: laying out PDFs blocks the
   * event loop, and a burst would hold back every other request of the instance.
   */
  async storeAfterIssue(executor: Executor, row: InvoiceRow, invoice: Invoice): Promise<void> {
    if (rendererBusy()) return;
    try {
      await this.pdfOf(executor, row, invoice);
    } catch (error) {
      this.logger.warn(
        { err: error, invoiceId: row.id },
        'issued invoice PDF not stored yet; first read stores it',
      );
    }
  }

  private async render(executor: Executor, row: InvoiceRow, invoice: Invoice): Promise<Buffer> {
    const [credited] = row.creditedInvoiceId
      ? await executor
          .select({ number: invoices.number })
          .from(invoices)
          .where(eq(invoices.id, row.creditedInvoiceId))
      : [];
    return renderInvoicePdf({
      invoice,
      buyer: {
        name: row.buyerName ?? '',
        address: row.buyerAddress,
        fiscalId: row.buyerFiscalId,
        account: row.buyerAccount,
      },
      creditedNumber: credited?.number ?? null,
    });
  }
}
