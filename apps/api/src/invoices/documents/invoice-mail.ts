import { compareAmounts, type Invoice } from '@velosi/contracts';
import { documentFormat, type DocumentFormat } from '../../documents/document-format.js';
import { COMPANY } from '../../documents/letterhead.js';

/**
 * Where the invoice stands when it is sent, from the read's `paymentStatus` (the one overdue rule,
 * `settlementOf` in invoice-settlement.ts): due on, overdue since, or settled (no date to meet).
 * `remaining` is the open amount once part of it was paid or credited.
 */
function dueTerms(
  invoice: Invoice,
  f: DocumentFormat,
): { due: string; overdue: boolean; remaining: string | null } | null {
  if (invoice.kind === 'credit_note' || !invoice.dueDate || invoice.paymentStatus === 'paid') return null;
  const total = invoice.totals.totalCurrency ?? invoice.totals.totalTnd;
  const open = invoice.openAmount;
  const partly = compareAmounts(open, '0') > 0 && compareAmounts(open, total) < 0;
  return {
    due: f.date(invoice.dueDate),
    overdue: invoice.paymentStatus === 'overdue',
    remaining: partly ? f.amount(open, invoice.currency) : null,
  };
}

/** Subject and plain-text body of the e-mail carrying an issued invoice, in the client's language. */
export function invoiceMail(
  invoice: Invoice,
  message: string | null | undefined,
  senderName: string | null,
): { subject: string; text: string } {
  const f = documentFormat(invoice.language);
  const signature = [senderName, COMPANY.legalName, COMPANY.phone].filter(Boolean).join('\n');
  const number = invoice.number ?? '';
  // One currency in a sentence: a foreign-currency invoice states its total, and what remains, in
  // its own currency (as the client pays it), the TND equivalent in brackets.
  const tnd = `${f.money(invoice.totals.totalTnd)} TND`;
  const total =
    invoice.totals.totalCurrency === null
      ? tnd
      : `${f.amount(invoice.totals.totalCurrency, invoice.currency)} (${tnd})`;
  const credit = invoice.kind === 'credit_note';
  const terms = dueTerms(invoice, f);
  if (invoice.language === 'en') {
    const due = terms ? `, ${terms.overdue ? 'overdue since' : 'due on'} ${terms.due}` : '';
    return {
      subject: `${credit ? 'Credit note' : 'Invoice'} ${number}`,
      text: [
        'Dear Sir or Madam,',
        `Please find attached our ${credit ? 'credit note' : 'invoice'} ${number} of ${total}${due}.` +
          (terms?.remaining ? ` ${terms.remaining} remains to be paid.` : ''),
        ...(message ? [message] : []),
        `Kind regards,\n${signature}`,
      ].join('\n\n'),
    };
  }
  const due = terms ? `, ${terms.overdue ? 'échue depuis le' : 'à régler avant le'} ${terms.due}` : '';
  return {
    subject: `${credit ? 'Avoir' : 'Facture'} ${number}`,
    text: [
      'Madame, Monsieur,',
      `Veuillez trouver ci-joint ${credit ? 'notre avoir' : 'notre facture'} ${number} d'un montant de ${total}${due}.` +
        (terms?.remaining ? ` Il reste ${terms.remaining} à régler.` : ''),
      ...(message ? [message] : []),
      `Cordialement,\n${signature}`,
    ].join('\n\n'),
  };
}
