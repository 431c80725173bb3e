// Test data the journeys type: files, identifiers with check digits, dates as a French user types them.

/** The smallest file the API recognises as a PDF (by its first bytes). */
export const MINIMAL_PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

/** A valid IMO number unique to this run: six digits and their check digit (weights 7…2, mod 10). */
export function imoFor(seed: number): string {
  const six = String(100_000 + (seed % 900_000));
  const sum = [...six].reduce((acc, d, i) => acc + Number(d) * (7 - i), 0);
  return `${six}${sum % 10}`;
}

/** Date (dd/mm/yyyy, as typed in French) and 24-hour time `days` ago, in the browser's (and this process's) time zone. */
export function frenchDaysAgo(days: number): { date: string; time: string } {
  const date = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}
