import type { Invoice, InvoiceLine } from '@velosi/contracts';
import { subtractAmounts, sumAmounts } from '@velosi/contracts/invoice-math';

/**
 * What is left to credit of each invoice line: its quantity minus the quantities of the credit
 * notes' lines that credit it (`creditedLineId`), with the contracts' decimal code.
 */
export function remainingQuantities(
  lines: readonly Pick<InvoiceLine, 'id' | 'quantity'>[],
  creditNotes: readonly Pick<Invoice, 'lines'>[],
): Record<string, string> {
  const credited = creditNotes.flatMap((note) => note.lines);
  return Object.fromEntries(
    lines.map((line) => {
      const done = credited.filter((c) => c.creditedLineId === line.id).map((c) => c.quantity);
      return [line.id, subtractAmounts(line.quantity, sumAmounts(done))];
    }),
  );
}
