import type { Invoice } from '@velosi/contracts';
import { documentFormat } from '../../documents/document-format.js';
import { COMPANY } from '../../documents/letterhead.js';

/** Subject and plain-text body of the e-mail carrying an issued invoice, in the client's language. */
export function invoiceMail(
  invoice: Invoice,
  message: string | null | undefined,
  senderName: string | null,
): { subject: string; text: string } {
  const f = documentFormat(invoice.language);
  const signature = [senderName, COMPANY.legalName, COMPANY.phone].filter(Boolean).join('\n');
  const number = invoice.number ?? '';
  const total = `${f.money(invoice.totals.totalTnd)} TND`;
  const credit = invoice.kind === 'credit_note';
  if (invoice.language === 'en') {
    return {
      subject: `${credit ? 'Credit note' : 'Invoice'} ${number}`,
      text: [
        'Dear Sir or Madam,',
        `Please find attached our ${credit ? 'credit note' : 'invoice'} ${number} of ${total}` +
          (!credit && invoice.dueDate ? `, due on ${f.date(invoice.dueDate)}.` : '.'),
        ...(message ? [message] : []),
        `Kind regards,\n${signature}`,
      ].join('\n\n'),
    };
  }
  return {
    subject: `${credit ? 'Avoir' : 'Facture'} ${number}`,
    text: [
      'Madame, Monsieur,',
      `Veuillez trouver ci-joint ${credit ? 'notre avoir' : 'notre facture'} ${number} d'un montant de ${total}` +
        (!credit && invoice.dueDate ? `, à régler avant le ${f.date(invoice.dueDate)}.` : '.'),
      ...(message ? [message] : []),
      `Cordialement,\n${signature}`,
    ].join('\n\n'),
  };
}
