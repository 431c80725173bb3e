import { compareAmounts, sumAmounts } from '@velosi/contracts';
import { ForbiddenException } from '@nestjs/common';
import { isAdmin, type AuthUser } from '../../auth/auth-user.js';
import type { ClientRow } from '../../clients/clients.table.js';
import { invalidState } from '../../common/records/problems.js';

const MS_PER_DAY = 86_400_000;

/**
 * Due date from the client's payment terms: `days` after the invoice date (0 or none = on
 * receipt), and with "fin de mois" the end of that month.
 */
export function dueDateOf(invoiceDate: string, days: number | null, endOfMonth: boolean): string {
  const due = new Date(Date.parse(`${invoiceDate}T00:00:00Z`) + (days ?? 0) * MS_PER_DAY);
  if (endOfMonth) due.setUTCMonth(due.getUTCMonth() + 1, 0);
  return due.toISOString().slice(0, 10);
}

/**
 * A suspended client is invoiced without VAT only while its authorisation covers the invoice
 * date; past it, the issue is refused so nobody issues an invoice the tax office would reject.
 */
export function assertVatSuspensionCovers(client: ClientRow, invoiceDate: string): void {
  if (client.vatRegime !== 'suspended') return;
  const { vatSuspensionNumber: number, vatSuspensionIssuedOn: from, vatSuspensionExpiresOn: to } = client;
  if (!number || !from || !to || invoiceDate < from || invoiceDate > to) {
    throw invalidState(
      `The client's VAT suspension authorisation${number ? ` n° ${number}` : ''} does not cover ${invoiceDate}` +
        `${to ? ` (valid until ${to})` : ''}: renew it on the client, or change the client's VAT regime, before issuing.`,
    );
  }
}

/**
 * A blocked client, or one whose open balance plus this invoice exceeds its credit limit, is
 * invoiced only when an ADMIN confirms (`confirm: true`); anyone else sending `confirm` gets 403.
 */
export function assertCreditAllowed(
  user: AuthUser,
  confirm: boolean,
  client: ClientRow,
  openBalance: string,
  invoiceTotal: string,
): void {
  if (confirm && !isAdmin(user))
    throw new ForbiddenException('Only ADMIN confirms an invoice over a block or credit limit.');
  const reasons: string[] = [];
  if (client.blocked) reasons.push(`the client is blocked (${client.blockedReason ?? 'no reason given'})`);
  if (client.creditLimit !== null) {
    const exposure = sumAmounts([openBalance, invoiceTotal]);
    if (compareAmounts(exposure, client.creditLimit) > 0) {
      reasons.push(
        `open balance ${openBalance} + this invoice ${invoiceTotal} exceeds the credit limit ${client.creditLimit} TND`,
      );
    }
  }
  if (reasons.length > 0 && !confirm) {
    throw invalidState(`Issue refused: ${reasons.join('; ')}. An ADMIN may confirm it (confirm: true).`);
  }
}
