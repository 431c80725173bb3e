import { MatDialog } from '@angular/material/dialog';
import type { Payment } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import type { PaymentRecordDialogData } from './payment-record-dialog';

/**
 * Opens "Enregistrer un paiement" (loaded on first use: the invoice page does not carry the dialog's
 * code until someone records a payment); resolves with the receipt, or undefined when cancelled.
 */
export async function openRecordPayment(
  dialog: MatDialog,
  data: PaymentRecordDialogData,
): Promise<Payment | undefined> {
  const { PaymentRecordDialog } = await import('./payment-record-dialog');
  return firstValueFrom(
    dialog
      .open<InstanceType<typeof PaymentRecordDialog>, PaymentRecordDialogData, Payment>(PaymentRecordDialog, {
        data,
        // With the client given, the amount is what is typed first; focusing the client's search
        // would open its list over the invoices.
        autoFocus: data.clientId ? '[data-testid="payment-amount"]' : 'first-tabbable',
        width: '760px',
        maxWidth: '95vw',
      })
      .afterClosed(),
  );
}
