import { sumAmounts, type DocumentLanguage, type OpenInvoice } from '@velosi/contracts';
import { documentFormat } from '../documents/document-format.js';
import { COMPANY } from '../documents/letterhead.js';
import { RECEIVABLES_LABELS } from './receivables-labels.js';

/** Subject and plain-text body of the overdue reminder (relance), in `language`. */
export function reminderMail(
  overdue: readonly OpenInvoice[],
  asOf: string,
  language: DocumentLanguage,
  message: string | null | undefined,
  senderName: string | null,
): { subject: string; text: string; overdueTnd: string } {
  const t = RECEIVABLES_LABELS[language];
  const f = documentFormat(language);
  const overdueTnd = sumAmounts(overdue.map((i) => i.openTnd));
  const signature = [senderName, COMPANY.legalName, COMPANY.phone].filter(Boolean).join('\n');
  return {
    subject: t.reminderSubject(COMPANY.legalName),
    text: [
      t.greeting,
      [
        t.reminderIntro(f.date(asOf)),
        ...overdue.map((i) =>
          t.reminderLine(i.number, f.date(i.dueDate), f.amount(i.openAmount, i.currency)),
        ),
      ].join('\n'),
      t.reminderTotal(f.money(overdueTnd)),
      ...(message ? [message] : []),
      t.reminderClose,
      `${t.regards}\n${signature}`,
    ].join('\n\n'),
    overdueTnd,
  };
}
