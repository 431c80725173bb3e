import { locationLabel, type PublicQuote, type RoutePoint } from '@velosi/contracts';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { headerRule, letterhead } from '../../documents/letterhead.js';
import type { PdfContext } from './quote-document.js';

function titleBlock({ doc, t, f }: PdfContext): Content[] {
  const q = doc.quote;
  const rows: TableCell[][] = [
    [
      { text: t.number, style: 'label' },
      { text: q.number, bold: true },
    ],
    [{ text: t.date, style: 'label' }, f.date(doc.issuedOn)],
    [{ text: t.validUntil, style: 'label' }, f.date(q.validUntil)],
  ];
  if (q.revision > 1) rows.push([{ text: t.revision, style: 'label' }, String(q.revision)]);
  const stamp = t.status[q.status];
  return [
    { text: t.title, style: 'docTitle', alignment: 'right' },
    ...(stamp ? [{ text: stamp, color: '#c0392b', bold: true, alignment: 'right' as const }] : []),
    { table: { widths: ['*', 'auto'], body: rows }, layout: 'noBorders', margin: [0, 4, 0, 0] },
  ];
}

/**
 * The suspension mention (docs/rules.md, "Clients' fiscal data"), only when the authorisation
 * covers the quote's date: an expired one must not be printed as if it still applied.
 */
function suspensionLine({ doc, t, f }: PdfContext): Content[] {
  const s = doc.customer.vatSuspension;
  if (!s || doc.issuedOn < s.issuedOn || doc.issuedOn > s.expiresOn) return [];
  return [
    { text: t.vatSuspension(s.number, f.date(s.issuedOn), f.date(s.expiresOn)), style: 'small', bold: true },
  ];
}

function partiesBlock(ctx: PdfContext): Content {
  const { doc, t } = ctx;
  const c = doc.customer;
  const cityLine = [c.city, c.country].filter(Boolean).join(', ');
  const customer: Content[] = [
    { text: t.customer, style: 'label' },
    { text: doc.quote.customerName, bold: true },
    ...[c.address, cityLine].filter((s): s is string => Boolean(s)).map((s) => ({ text: s })),
    ...(c.fiscalId ? [{ text: `${t.fiscalId} : ${c.fiscalId}`, style: 'small' }] : []),
    ...suspensionLine(ctx),
  ];
  const contact: Content[] = doc.contact
    ? [
        { text: t.contact, style: 'label' },
        { text: doc.contact.name, bold: true },
        ...[doc.contact.email, doc.contact.phone]
          .filter((s): s is string => Boolean(s))
          .map((s) => ({ text: s })),
      ]
    : [];
  return { columns: [{ stack: customer }, { stack: contact }], columnGap: 20, margin: [0, 8, 0, 0] };
}

/** "Radès (TNRDS) — Zone industrielle": the place by name (docs/rules.md), its code in brackets. */
function point(p: RoutePoint, name: string | null): string {
  return [locationLabel(name ? { name, code: p.locationCode ?? '' } : null, p.locationCode), p.address]
    .filter(Boolean)
    .join(' — ');
}

/** Two label/value pairs per row; rows whose values are all empty are left out. */
function facts(title: string, pairs: [string, string | null][]): Content {
  const present = pairs.filter((p): p is [string, string] => p[1] !== null && p[1] !== '');
  const body: TableCell[][] = [];
  for (let i = 0; i < present.length; i += 2) {
    const [a, b] = [present[i], present[i + 1]];
    body.push([
      { text: a?.[0] ?? '', style: 'label' },
      a?.[1] ?? '',
      { text: b?.[0] ?? '', style: 'label' },
      b?.[1] ?? '',
    ]);
  }
  if (body.length === 0) return [];
  return [
    { text: title, style: 'section' },
    { table: { widths: [80, '*', 80, '*'], body }, layout: 'lightHorizontalLines' },
  ];
}

function containers(q: PublicQuote): string | null {
  return q.containers.length ? q.containers.map((c) => `${c.count} × ${c.type}`).join(' + ') : null;
}

export function headerSections(ctx: PdfContext): Content[] {
  const { doc, t, f } = ctx;
  const q = doc.quote;
  const chargeable = q.chargeableWeight
    ? `${f.measure(q.chargeableWeight.value)} ${q.chargeableWeight.unit === 'kg' ? 'kg' : t.units.revenue_ton[0]}`
    : null;
  return [
    { columns: [letterhead(), { width: 190, stack: titleBlock(ctx) }], columnGap: 12 },
    headerRule(),
    partiesBlock(ctx),
    { text: q.title, style: 'quoteTitle' },
    // Mode and direction share a cell so the carrier adds no row: a typical quote stays one page.
    facts(t.routing, [
      [t.mode, `${t.modes[q.mode]} · ${t.directions[q.direction]}`],
      [t.carrier, q.carrierName],
      [t.origin, point(q.origin, q.originName)],
      [t.destination, point(q.destination, q.destinationName)],
      [t.incoterm, q.incoterm ? `${q.incoterm} ${q.incotermPlace ?? ''}`.trim() : null],
      [t.transitTime, q.transitTimeDays == null ? null : t.days(q.transitTimeDays)],
    ]),
    facts(t.cargo, [
      [t.commodity, q.commodity ?? null],
      [t.packages, q.packagesCount == null ? null : String(q.packagesCount)],
      [t.grossWeight, q.grossWeightKg ? `${f.measure(q.grossWeightKg)} kg` : null],
      [t.volume, q.volumeM3 ? `${f.measure(q.volumeM3)} m³` : null],
      [t.chargeableWeight, chargeable],
      [t.containers, containers(q)],
    ]),
  ];
}
