import type { Client, Contact } from '@velosi/contracts';

/** The client's e-mail, else the first address of its primary contact, else null. */
export function billingEmail(
  client: Pick<Client, 'email'>,
  primary: Pick<Contact, 'emails'> | undefined,
): string | null {
  return client.email ?? primary?.emails[0] ?? null;
}
