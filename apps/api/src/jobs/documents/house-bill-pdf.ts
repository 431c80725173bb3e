import type { JobDetail } from '@velosi/contracts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { documentFormat } from '../../documents/document-format.js';
import { COMPANY, headerRule, letterhead, letterheadFooter } from '../../documents/letterhead.js';
import { DOCUMENT_PAGE, DOCUMENT_STYLES, printableStrings, renderPdf } from '../../documents/pdf-renderer.js';
import type { RenderedPdf } from '../../documents/pdf-response.js';

export type HouseBillKind = 'hbl' | 'hawb';
export type HouseBillLanguage = 'fr' | 'en';

const LABELS = {
  fr: {
    hbl: 'Connaissement maison (HBL)',
    hawb: 'Lettre de transport aérien maison (HAWB)',
    draft: 'PROJET — DRAFT',
    job: 'Dossier',
    shipper: 'Expéditeur',
    consignee: 'Destinataire',
    notify: 'Notify',
    carrier: 'Transporteur',
    vessel: 'Navire / voyage',
    flight: 'Vol',
    pol: 'Port / aéroport de chargement',
    pod: 'Port / aéroport de déchargement',
    receipt: 'Lieu de prise en charge',
    delivery: 'Lieu de livraison',
    booking: 'Booking',
    master: 'Titre maître',
    house: 'Titre maison',
    goods: 'Marchandise',
    packages: 'Colis',
    gross: 'Poids brut (kg)',
    volume: 'Volume (m³)',
    containers: 'Conteneurs',
    container: 'N° conteneur',
    sizeType: 'Type',
    seal: 'Scellé',
    note: 'Document provisoire sans valeur contractuelle, à vérifier avant émission.',
    page: (c: number, n: number) => `Page ${c}/${n}`,
  },
  en: {
    hbl: 'House bill of lading (HBL)',
    hawb: 'House air waybill (HAWB)',
    draft: 'DRAFT',
    job: 'Job',
    shipper: 'Shipper',
    consignee: 'Consignee',
    notify: 'Notify party',
    carrier: 'Carrier',
    vessel: 'Vessel / voyage',
    flight: 'Flight',
    pol: 'Port / airport of loading',
    pod: 'Port / airport of discharge',
    receipt: 'Place of receipt',
    delivery: 'Place of delivery',
    booking: 'Booking',
    master: 'Master document',
    house: 'House document',
    goods: 'Description of goods',
    packages: 'Packages',
    gross: 'Gross weight (kg)',
    volume: 'Volume (m³)',
    containers: 'Containers',
    container: 'Container no.',
    sizeType: 'Type',
    seal: 'Seal',
    note: 'Provisional document without contractual value, to be checked before issue.',
    page: (c: number, n: number) => `Page ${c} of ${n}`,
  },
} as const;

const dash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value);

/** The draft house bill (sea) or house air waybill (air) of a job, from the job's data only. */
export async function renderHouseBill(
  input: JobDetail,
  kind: HouseBillKind,
  language: HouseBillLanguage,
): Promise<RenderedPdf> {
  const job = printableStrings(input);
  const t = LABELS[language];
  // Weights and volumes are decimal strings: written the language's way ("12 500,5" in French).
  const measure = documentFormat(language).measure;
  const amount = (value: string | null | undefined) => (value ? measure(value) : value);
  const field = (label: string, value: string | number | null | undefined): Content => ({
    stack: [
      { text: label, style: 'label' },
      { text: dash(value), margin: [0, 1, 0, 6] },
    ],
  });
  const sea = kind === 'hbl';
  const rows: [string, string | number | null | undefined][][] = [
    [
      [t.shipper, job.shipperName],
      [t.consignee, job.consigneeName],
    ],
    [
      [t.notify, job.notifyName],
      [t.carrier, job.carrierName],
    ],
    [
      sea
        ? [t.vessel, [job.vesselName, job.voyageNumber].filter(Boolean).join(' / ')]
        : [t.flight, job.flightNumber],
      [t.booking, job.bookingNumber],
    ],
    [
      [t.pol, job.polCode ?? job.originName],
      [t.pod, job.podCode ?? job.destinationName],
    ],
    [
      [t.receipt, job.placeOfReceipt],
      [t.delivery, job.placeOfDelivery],
    ],
    [
      [t.master, sea ? job.mblNumber : job.mawbNumber],
      [t.house, sea ? job.hblNumber : job.hawbNumber],
    ],
    [
      [t.packages, job.packagesCount],
      [t.gross, amount(job.grossWeightKg)],
    ],
  ];
  const containers: Content[] =
    sea && job.containers.length > 0
      ? [
          { text: t.containers, style: 'section' },
          {
            table: {
              headerRows: 1,
              widths: ['*', 60, '*', 60, 80],
              body: [
                [t.container, t.sizeType, t.seal, t.packages, t.gross].map((h) => ({
                  text: h,
                  style: 'tableHead',
                })),
                ...job.containers.map((c) => [
                  c.number,
                  c.sizeType,
                  dash(c.sealNumber),
                  dash(c.packages),
                  dash(amount(c.grossKg)),
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
          },
        ]
      : [];
  const definition: TDocumentDefinitions = {
    ...DOCUMENT_PAGE,
    info: { title: `${t.draft} ${t[kind]} ${job.number}`, author: COMPANY.legalName },
    watermark: { text: 'DRAFT', opacity: 0.12, bold: true },
    content: [
      letterhead(),
      headerRule(),
      { text: `${t.draft} — ${t[kind]}`, style: 'docTitle', margin: [0, 12, 0, 2] },
      { text: `${t.job} ${job.number}`, margin: [0, 0, 0, 10] },
      ...rows.map((pair): Content => ({
        columns: pair.map(([label, value]) => field(label, value)),
        columnGap: 16,
      })),
      field(t.goods, job.commodity),
      field(t.volume, amount(job.volumeM3)),
      ...containers,
      { text: t.note, style: 'small', margin: [0, 16, 0, 0] },
    ],
    footer: letterheadFooter(job.number, t.page),
    styles: DOCUMENT_STYLES,
  };
  return { pdf: await renderPdf(definition), filename: `${job.number}-${kind.toUpperCase()}-DRAFT.pdf` };
}
