import { createHash, randomBytes } from 'node:crypto';
import { PublicQuoteTokenSchema } from '@velosi/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../common/records/repository.js';
import type { Transaction } from '../database/database.types.js';
import { quotePublicLinks } from './quotes.table.js';

/** SHA-256 of the token, base64url: what the database keeps instead of the token. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Makes a link for the quote and returns its token — the only time the token exists in clear.
 * 16 random bytes = 128 bits: guessing one valid link among billions is out of reach, so the
 * token alone can authorise reading, accepting or rejecting that one quote.
 */
export async function createPublicLink(tx: Transaction, quoteId: string, createdBy: string): Promise<string> {
  const token = randomBytes(16).toString('base64url');
  await tx.insert(quotePublicLinks).values({ quoteId, tokenHash: hashToken(token), createdBy });
  return token;
}

/** Revokes every live link of the quote; returns how many there were. */
export async function revokePublicLinks(tx: Transaction, quoteId: string): Promise<number> {
  const revoked = await tx
    .update(quotePublicLinks)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(quotePublicLinks.quoteId, quoteId), isNull(quotePublicLinks.revokedAt)))
    .returning({ id: quotePublicLinks.id });
  return revoked.length;
}

/**
 * The quote id a live token opens, or undefined. Anything that is not shaped like a token (a uuid,
 * a quote number, a numeric id) is refused before the database is asked.
 */
export async function quoteIdForToken(executor: Executor, token: string): Promise<string | undefined> {
  if (!PublicQuoteTokenSchema.safeParse(token).success) return undefined;
  const [link] = await executor
    .select({ quoteId: quotePublicLinks.quoteId })
    .from(quotePublicLinks)
    .where(and(eq(quotePublicLinks.tokenHash, hashToken(token)), isNull(quotePublicLinks.revokedAt)));
  return link?.quoteId;
}
