import {
  EXCHANGE_RATE_SOURCES,
  LOCATION_KINDS,
  QUOTE_LINE_KINDS,
  QUOTE_LINE_UNITS,
  SUPPLIER_CATEGORIES,
  TRANSPORT_MODES,
  VAT_RATES,
} from '@velosi/contracts';

/** How a field is edited (and shown in a table cell). */
export type ReferenceFieldKind =
  'text' | 'upper' | 'integer' | 'decimal' | 'boolean' | 'select' | 'multi' | 'country' | 'currency' | 'date';

/** One field of a reference form; its label is `reference.fields.<key>`. */
export interface ReferenceField {
  readonly key: string;
  readonly kind: ReferenceFieldKind;
  readonly required?: boolean;
  /** Choices of select/multi fields; labels `reference.options.<key>.<value>` (numbers shown as is). */
  readonly options?: readonly (string | number)[];
  readonly max?: number;
  /** A full row of the form. */
  readonly wide?: boolean;
}

/**
 * One page of the Référentiels section, declared once: the API path (`/api/<path>`), its table
 * columns (field keys; `code` first when it has one), the sortable ones (the contract's allowlist)
 * and the form. Titles are `reference.<path>.title` / `.intro`.
 */
export interface ReferenceView {
  readonly path: string;
  readonly icon: string;
  readonly columns: readonly string[];
  readonly sortable: readonly string[];
  readonly defaultSort: string;
  readonly fields: readonly ReferenceField[];
  /** A code the API assigns (ARM-001…): shown, never typed. */
  readonly assignedCode?: boolean;
  /** Columns the API fills, never typed (not in the form): how their cells read. */
  readonly shown?: readonly ReferenceField[];
}

const CONTACT_FIELDS: readonly ReferenceField[] = [
  { key: 'phone', kind: 'text', max: 30 },
  { key: 'email', kind: 'text', max: 254 },
  { key: 'address', kind: 'text', max: 500, wide: true },
  { key: 'city', kind: 'text', max: 100 },
  { key: 'country', kind: 'country', required: true },
];

/** The name every party of the reference data has (lines, airlines, hauliers…). */
const NAME_FIELD: ReferenceField = { key: 'name', kind: 'text', required: true, max: 200 };

/**
 * A party whose code the API assigns (ARM-001…), listed by name; its form starts with the name.
 * `columns` and `sortable` name what follows the code and the name.
 */
function partyView(
  path: string,
  icon: string,
  columns: readonly string[],
  sortable: readonly string[],
  fields: readonly ReferenceField[],
): ReferenceView {
  return {
    path,
    icon,
    columns: ['code', 'name', ...columns],
    sortable: ['code', 'name', ...sortable],
    defaultSort: 'name',
    assignedCode: true,
    fields: [NAME_FIELD, ...fields],
  };
}

export const REFERENCE_VIEWS: readonly ReferenceView[] = [
  {
    path: 'locations',
    icon: 'anchor',
    columns: ['code', 'name', 'kind', 'city', 'country', 'timezone'],
    sortable: ['code', 'name', 'kind', 'country'],
    defaultSort: 'code',
    fields: [
      { key: 'code', kind: 'upper', required: true, max: 5 },
      { key: 'kind', kind: 'select', required: true, options: LOCATION_KINDS },
      { key: 'name', kind: 'text', required: true, max: 200 },
      { key: 'city', kind: 'text', max: 100 },
      { key: 'country', kind: 'country', required: true },
      { key: 'timezone', kind: 'text', max: 64 },
      { key: 'latitude', kind: 'decimal' },
      { key: 'longitude', kind: 'decimal' },
    ],
  },
  partyView(
    'shipping-lines',
    'directions_boat',
    ['scac', 'website'],
    ['scac'],
    [
      { key: 'scac', kind: 'upper', max: 4 },
      { key: 'website', kind: 'text', max: 500 },
      { key: 'trackingUrlTemplate', kind: 'text', max: 500, wide: true },
    ],
  ),
  partyView(
    'airlines',
    'flight',
    ['iataCode', 'awbPrefix'],
    ['iataCode'],
    [
      { key: 'iataCode', kind: 'upper', max: 2 },
      { key: 'awbPrefix', kind: 'text', max: 3 },
      { key: 'website', kind: 'text', max: 500 },
    ],
  ),
  {
    path: 'vessels',
    icon: 'sailing',
    columns: ['name', 'imo', 'flag'],
    sortable: ['name', 'imo'],
    defaultSort: 'name',
    fields: [
      NAME_FIELD,
      { key: 'imo', kind: 'text', required: true, max: 11 },
      { key: 'flag', kind: 'country' },
    ],
  },
  partyView(
    'hauliers',
    'local_shipping',
    ['city', 'country', 'phone'],
    ['city'],
    [{ key: 'taxId', kind: 'text', max: 50 }, ...CONTACT_FIELDS],
  ),
  partyView(
    'suppliers',
    'storefront',
    ['category', 'city', 'country'],
    ['category', 'city'],
    [
      { key: 'category', kind: 'select', required: true, options: SUPPLIER_CATEGORIES },
      { key: 'taxId', kind: 'text', max: 50 },
      ...CONTACT_FIELDS,
      { key: 'paymentTermsDays', kind: 'integer' },
      { key: 'bankAccount', kind: 'text', max: 40 },
      { key: 'swift', kind: 'upper', max: 11 },
    ],
  ),
  partyView(
    'agents',
    'public',
    ['city', 'country', 'modes'],
    ['country', 'city'],
    [
      { key: 'contactName', kind: 'text', max: 200 },
      ...CONTACT_FIELDS,
      { key: 'modes', kind: 'multi', options: TRANSPORT_MODES, wide: true },
    ],
  ),
  {
    path: 'equipment',
    icon: 'inventory_2',
    columns: ['code', 'labelFr', 'labelEn', 'teu', 'maxPayloadKg', 'isReefer'],
    sortable: ['code', 'teu'],
    defaultSort: 'code',
    fields: [
      { key: 'code', kind: 'upper', required: true, max: 4 },
      { key: 'teu', kind: 'decimal', required: true },
      { key: 'labelFr', kind: 'text', required: true, max: 120 },
      { key: 'labelEn', kind: 'text', required: true, max: 120 },
      { key: 'maxPayloadKg', kind: 'integer' },
      { key: 'isReefer', kind: 'boolean' },
    ],
  },
  {
    path: 'charge-types',
    icon: 'receipt_long',
    columns: ['code', 'labelFr', 'labelEn', 'kind', 'defaultUnit', 'defaultVatRate', 'isDisbursement'],
    sortable: ['code', 'kind'],
    defaultSort: 'code',
    fields: [
      { key: 'code', kind: 'upper', required: true, max: 20 },
      { key: 'kind', kind: 'select', required: true, options: QUOTE_LINE_KINDS },
      { key: 'labelFr', kind: 'text', required: true, max: 200 },
      { key: 'labelEn', kind: 'text', required: true, max: 200 },
      { key: 'defaultUnit', kind: 'select', required: true, options: QUOTE_LINE_UNITS },
      { key: 'defaultVatRate', kind: 'select', required: true, options: VAT_RATES },
      { key: 'isDisbursement', kind: 'boolean' },
    ],
  },
  {
    path: 'exchange-rates',
    icon: 'currency_exchange',
    columns: ['date', 'currency', 'rate', 'source'],
    sortable: ['date', 'currency'],
    defaultSort: 'date',
    fields: [
      { key: 'currency', kind: 'currency', required: true },
      { key: 'date', kind: 'date', required: true },
      { key: 'rate', kind: 'decimal', required: true },
    ],
    shown: [{ key: 'source', kind: 'select', options: EXCHANGE_RATE_SOURCES }],
  },
];

export function referenceView(path: string): ReferenceView | undefined {
  return REFERENCE_VIEWS.find((view) => view.path === path);
}
