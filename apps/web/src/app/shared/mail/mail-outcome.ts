/**
 * Without a mail server (development) a send is written to the server's outbox and nothing reaches
 * the client: every text of that send (banner, snackbar, history) then says so instead of "sent".
 * Each such text has a twin key ending in `NotMailed`.
 */
export function mailOutcomeKey(key: string, notMailed: boolean): string {
  return notMailed ? `${key}NotMailed` : key;
}
