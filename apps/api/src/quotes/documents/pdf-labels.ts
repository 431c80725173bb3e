import type { DocumentLanguage, QuoteLineUnit, QuoteStatus, TransportMode, Traffic } from '@velosi/contracts';

/** Every word printed on a quote, per document language (the client's `language`). */
export interface PdfLabels {
  title: string;
  number: string;
  date: string;
  validUntil: string;
  revision: string;
  status: Partial<Record<QuoteStatus, string>>;
  customer: string;
  contact: string;
  fiscalId: string;
  /** The legal mention of a sale under VAT suspension (dates already formatted). */
  vatSuspension: (number: string, from: string, to: string) => string;
  routing: string;
  mode: string;
  direction: string;
  incoterm: string;
  origin: string;
  destination: string;
  carrier: string;
  transitTime: string;
  days: (n: number) => string;
  cargo: string;
  commodity: string;
  packages: string;
  grossWeight: string;
  volume: string;
  chargeableWeight: string;
  containers: string;
  freight: string;
  additionalCosts: string;
  description: string;
  quantity: string;
  unitPrice: string;
  totalTnd: string;
  vat: string;
  disbursement: string;
  totalExclVat: string;
  vatAt: (rate: number) => string;
  disbursements: string;
  stampDuty: string;
  totalInclVat: (currency: string) => string;
  exchangeRate: (currency: string, rate: string) => string;
  paymentTerms: string;
  conditions: string;
  validityNote: (date: string) => string;
  page: (current: number, count: number) => string;
  modes: Record<TransportMode, string>;
  directions: Record<Traffic, string>;
  /** A line's unit after its quantity, singular and plural ("1 conteneur", "2 conteneurs"). */
  units: Record<QuoteLineUnit, readonly [one: string, other: string]>;
  /** Which of the two a quantity takes in the language (French: 1,5 conteneur; English: 1.5 containers). */
  plural: Intl.PluralRules;
}

const fr: PdfLabels = {
  title: 'COTATION',
  number: 'N°',
  date: 'Date',
  validUntil: "Valable jusqu'au",
  revision: 'Révision',
  status: { draft: 'BROUILLON', cancelled: 'ANNULÉE', expired: 'EXPIRÉE', superseded: 'REMPLACÉE' },
  customer: 'Client',
  contact: "À l'attention de",
  fiscalId: 'Matricule fiscal',
  vatSuspension: (n, from, to) => `Vente en suspension de TVA, autorisation n° ${n} du ${from} au ${to}`,
  routing: 'Acheminement',
  mode: 'Mode',
  direction: 'Sens',
  incoterm: 'Incoterm',
  origin: 'Origine',
  destination: 'Destination',
  carrier: 'Transporteur',
  transitTime: 'Transit',
  days: (n) => `${n} jour${n > 1 ? 's' : ''}`,
  cargo: 'Marchandise',
  commodity: 'Nature',
  packages: 'Colis',
  grossWeight: 'Poids brut',
  volume: 'Volume',
  chargeableWeight: 'Poids taxable',
  containers: 'Conteneurs',
  freight: 'Fret',
  additionalCosts: 'Frais annexes',
  description: 'Désignation',
  quantity: 'Qté',
  unitPrice: 'Prix unitaire',
  totalTnd: 'Total TND',
  vat: 'TVA',
  disbursement: 'débours',
  totalExclVat: 'Total HT',
  vatAt: (rate) => `TVA ${rate} %`,
  disbursements: 'Débours (hors TVA)',
  stampDuty: 'Timbre fiscal',
  totalInclVat: (currency) => `Total TTC (${currency})`,
  exchangeRate: (currency, rate) => `1 ${currency} = ${rate} TND`,
  paymentTerms: 'Conditions de paiement',
  conditions: 'Conditions',
  validityNote: (date) => `Offre valable jusqu'au ${date}, sous réserve de disponibilité.`,
  page: (current, count) => `Page ${current} / ${count}`,
  modes: {
    sea_fcl: 'Maritime complet (FCL)',
    sea_lcl: 'Maritime groupage (LCL)',
    air: 'Aérien',
    air_express: 'Aérien express',
    road_ftl: 'Routier complet (FTL)',
    road_ltl: 'Routier groupage (LTL)',
  },
  directions: { import: 'Import', export: 'Export' },
  units: {
    per_container: ['conteneur', 'conteneurs'],
    kg: ['kg', 'kg'],
    m3: ['m³', 'm³'],
    revenue_ton: ['UP', 'UP'],
    shipment: ['expédition', 'expéditions'],
    per_pallet: ['palette', 'palettes'],
    per_package: ['colis', 'colis'],
    per_document: ['document', 'documents'],
    per_day: ['jour', 'jours'],
  },
  plural: new Intl.PluralRules('fr-FR'),
};

const en: PdfLabels = {
  title: 'QUOTATION',
  number: 'No.',
  date: 'Date',
  validUntil: 'Valid until',
  revision: 'Revision',
  status: { draft: 'DRAFT', cancelled: 'CANCELLED', expired: 'EXPIRED', superseded: 'SUPERSEDED' },
  customer: 'Customer',
  contact: 'Attention',
  fiscalId: 'Tax ID',
  vatSuspension: (n, from, to) => `Sale under VAT suspension, authorisation No. ${n} from ${from} to ${to}`,
  routing: 'Routing',
  mode: 'Mode',
  direction: 'Direction',
  incoterm: 'Incoterm',
  origin: 'Origin',
  destination: 'Destination',
  carrier: 'Carrier',
  transitTime: 'Transit time',
  days: (n) => `${n} day${n === 1 ? '' : 's'}`,
  cargo: 'Cargo',
  commodity: 'Commodity',
  packages: 'Packages',
  grossWeight: 'Gross weight',
  volume: 'Volume',
  chargeableWeight: 'Chargeable weight',
  containers: 'Containers',
  freight: 'Freight',
  additionalCosts: 'Additional costs',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  totalTnd: 'Total TND',
  vat: 'VAT',
  disbursement: 'disbursement',
  totalExclVat: 'Total excl. VAT',
  vatAt: (rate) => `VAT ${rate}%`,
  disbursements: 'Disbursements (no VAT)',
  stampDuty: 'Stamp duty',
  totalInclVat: (currency) => `Total incl. VAT (${currency})`,
  exchangeRate: (currency, rate) => `1 ${currency} = ${rate} TND`,
  paymentTerms: 'Payment terms',
  conditions: 'Conditions',
  validityNote: (date) => `Offer valid until ${date}, subject to space availability.`,
  page: (current, count) => `Page ${current} of ${count}`,
  modes: {
    sea_fcl: 'Sea freight, full container (FCL)',
    sea_lcl: 'Sea freight, groupage (LCL)',
    air: 'Air freight',
    air_express: 'Air express',
    road_ftl: 'Road, full truck (FTL)',
    road_ltl: 'Road, groupage (LTL)',
  },
  directions: { import: 'Import', export: 'Export' },
  units: {
    per_container: ['container', 'containers'],
    kg: ['kg', 'kg'],
    m3: ['m³', 'm³'],
    revenue_ton: ['RT', 'RT'],
    shipment: ['shipment', 'shipments'],
    per_pallet: ['pallet', 'pallets'],
    per_package: ['package', 'packages'],
    per_document: ['document', 'documents'],
    per_day: ['day', 'days'],
  },
  plural: new Intl.PluralRules('en-GB'),
};

export const PDF_LABELS: Readonly<Record<DocumentLanguage, PdfLabels>> = { fr, en };

/** The unit of a quantity in the document's language: "1 conteneur", "2 conteneurs". */
export function unitWord(t: PdfLabels, unit: QuoteLineUnit, quantity: string): string {
  const [one, other] = t.units[unit];
  return t.plural.select(Number(quantity)) === 'one' ? one : other;
}
