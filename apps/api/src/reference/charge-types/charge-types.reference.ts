import {
  ChargeTypeCreateSchema,
  ChargeTypeListQuerySchema,
  ChargeTypePageSchema,
  ChargeTypeSchema,
  ChargeTypeUpdateSchema,
} from '@velosi/contracts';
import { defineReference, equalsIfGiven } from '../framework/define-reference.js';
import { chargeTypes } from './charge-types.table.js';

export const CHARGE_TYPES = defineReference({
  path: 'charge-types',
  name: 'ChargeTypes',
  entity: 'charge_type',
  table: chargeTypes,
  schemas: {
    create: ChargeTypeCreateSchema,
    update: ChargeTypeUpdateSchema,
    read: ChargeTypeSchema,
    query: ChargeTypeListQuerySchema,
    page: ChargeTypePageSchema,
  },
  sort: { code: chargeTypes.code, kind: chargeTypes.kind },
  defaultSort: { field: 'code', direction: 'asc' },
  search: [chargeTypes.code, chargeTypes.labelFr, chargeTypes.labelEn],
  filters: (query) => [
    equalsIfGiven(chargeTypes.kind, query.kind),
    equalsIfGiven(chargeTypes.isDisbursement, query.isDisbursement),
  ],
  uniqueFields: { charge_types_code_key: 'code' },
  csv: [
    ['code', 'Code', 'Code'],
    ['labelFr', 'Libellé FR', 'Label FR'],
    ['labelEn', 'Libellé EN', 'Label EN'],
    ['kind', 'Nature', 'Kind'],
    ['defaultUnit', 'Unité', 'Unit'],
    ['defaultVatRate', 'TVA %', 'VAT %'],
    ['isDisbursement', 'Débours', 'Disbursement'],
  ],
});
