import type { CanvasElement, Content, ContentCanvas, DynamicContent } from 'pdfmake/interfaces.js';

/**
 * The issuer printed on every customer document (quotes today; invoices and credit notes next).
 * Kept in code (not env) because it is part of the documents' design and changes with a release,
 * like the logo; the reference-data issue may move it to a settings table.
 */
export const COMPANY = {
  name: 'VELOSI',
  tagline: 'Transport international & logistique',
  legalName: 'Velosi Transport & Logistique SARL',
  address: ['Immeuble Velosi, Rue du Lac Léman', '1053 Les Berges du Lac, Tunis, Tunisie'],
  phone: '+216 71 000 000',
  email: 'cotations@velosi.tn',
  fiscalId: 'MF 1234567/A/M/000',
  /** Where customers pay invoices (printed on invoices): bank and 20-digit RIB. */
  bankName: 'BIAT, agence Les Berges du Lac',
  rib: '08001000123456789013',
  /** Brand colours (hex) used by the header rule and table headings. */
  primaryColor: '#0b4f8a',
  accentColor: '#f39200',
} as const;

/** A "V" stroke of the logo: from (left, top) down to the tip and back up, `width` wide. */
function chevron(left: number, width: number, depth: number, color: string): CanvasElement {
  const points = [
    { x: left, y: 4 },
    { x: left + width / 2, y: 4 + depth },
    { x: left + width, y: 4 },
  ];
  return { type: 'polyline', lineWidth: 4, lineColor: color, points };
}

/** The logo drawn as vectors (two chevrons over a rule): crisp at any zoom, no image file to ship. */
function logo(): ContentCanvas {
  return {
    canvas: [
      chevron(0, 28, 30, COMPANY.primaryColor),
      chevron(12, 20, 20, COMPANY.accentColor),
      { type: 'line', lineWidth: 1.5, lineColor: COMPANY.primaryColor, x1: 0, y1: 40, x2: 34, y2: 40 },
    ],
  };
}

/** Logo, name and the issuer's legal details: the top-left block of every document. */
export function letterhead(): Content {
  return {
    columns: [
      { width: 38, stack: [logo()] },
      {
        stack: [
          { text: COMPANY.name, style: 'brand' },
          { text: COMPANY.tagline, style: 'small', color: COMPANY.accentColor },
          { text: [COMPANY.legalName, ...COMPANY.address].join('\n'), style: 'small', margin: [0, 4, 0, 0] },
          { text: `${COMPANY.phone} · ${COMPANY.email} · ${COMPANY.fiscalId}`, style: 'small' },
        ],
      },
    ],
    columnGap: 8,
  };
}

/** The full-width rule under the header block. */
export function headerRule(): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 6, x2: 515, y2: 6, lineWidth: 2, lineColor: COMPANY.primaryColor }],
  };
}

/** Footer of every page: issuer, tax id and document number left, page count right. */
export function letterheadFooter(
  documentNumber: string,
  pageLabel: (current: number, count: number) => string,
): DynamicContent {
  return (current, count) => ({
    columns: [
      { text: `${COMPANY.legalName} · ${COMPANY.fiscalId} · ${documentNumber}`, style: 'small' },
      { text: pageLabel(current, count), style: 'small', alignment: 'right', width: 80 },
    ],
    margin: [40, 16, 40, 0],
  });
}
