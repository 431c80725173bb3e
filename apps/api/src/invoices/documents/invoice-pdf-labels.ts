import type { DocumentLanguage } from '@velosi/contracts';

/** Every text printed on an invoice or credit note, per document language. */
export interface InvoicePdfLabels {
  invoice: string;
  creditNote: string;
  date: string;
  dueDate: string;
  creditsInvoice: string;
  customer: string;
  taxId: string;
  account: string;
  reference: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amountTnd: string;
  vat: string;
  disbursement: string;
  rates: string;
  vatBase: (rate: number) => string;
  vatAmount: (rate: number) => string;
  net: string;
  disbursements: string;
  stampDuty: string;
  total: string;
  totalIn: (currency: string) => string;
  amountInWords: string;
  suspension: (number: string, from: string, to: string) => string;
  exempt: string;
  payment: string;
  job: string;
  page: (current: number, count: number) => string;
}

export const INVOICE_PDF_LABELS: Readonly<Record<DocumentLanguage, InvoicePdfLabels>> = {
  fr: {
    invoice: 'FACTURE',
    creditNote: 'AVOIR',
    date: 'Date',
    dueDate: "Date d'échéance",
    creditsInvoice: 'Avoir sur la facture',
    customer: 'Client',
    taxId: 'Matricule fiscal',
    account: 'Compte client',
    reference: 'Votre référence',
    description: 'Désignation',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    amountTnd: 'Montant HT (TND)',
    vat: 'TVA',
    disbursement: 'débours',
    rates: 'Cours de change appliqués',
    vatBase: (rate) => `Base HT TVA ${rate} %`,
    vatAmount: (rate) => `TVA ${rate} %`,
    net: 'Total HT',
    disbursements: 'Débours (hors TVA)',
    stampDuty: 'Timbre fiscal',
    total: 'Total TTC (TND)',
    totalIn: (currency) => `Contre-valeur en ${currency}`,
    amountInWords: 'Arrêté(e) à la somme de',
    suspension: (number, from, to) =>
      `Vente en suspension de TVA, autorisation n° ${number} du ${from} au ${to}.`,
    exempt: 'Client exonéré de TVA.',
    payment: 'Règlement par virement',
    job: 'Dossier',
    page: (current, count) => `Page ${current}/${count}`,
  },
  en: {
    invoice: 'INVOICE',
    creditNote: 'CREDIT NOTE',
    date: 'Date',
    dueDate: 'Due date',
    creditsInvoice: 'Credit note on invoice',
    customer: 'Customer',
    taxId: 'Tax id',
    account: 'Customer account',
    reference: 'Your reference',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amountTnd: 'Amount excl. VAT (TND)',
    vat: 'VAT',
    disbursement: 'disbursement',
    rates: 'Exchange rates applied',
    vatBase: (rate) => `Taxable base VAT ${rate} %`,
    vatAmount: (rate) => `VAT ${rate} %`,
    net: 'Total excl. VAT',
    disbursements: 'Disbursements (outside VAT)',
    stampDuty: 'Stamp duty',
    total: 'Total incl. VAT (TND)',
    totalIn: (currency) => `Equivalent in ${currency}`,
    // The legal mention stays in French (Tunisian invoices), with its translation.
    amountInWords: 'Amount in words (arrêté à la somme de)',
    suspension: (number, from, to) =>
      `Sale under VAT suspension (vente en suspension de TVA), authorisation no. ${number} from ${from} to ${to}.`,
    exempt: 'Customer exempt from VAT.',
    payment: 'Payment by bank transfer',
    job: 'Job file',
    page: (current, count) => `Page ${current}/${count}`,
  },
};
