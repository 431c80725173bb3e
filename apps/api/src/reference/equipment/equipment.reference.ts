import {
  EquipmentCreateSchema,
  EquipmentListQuerySchema,
  EquipmentPageSchema,
  EquipmentSchema,
  EquipmentUpdateSchema,
} from '@velosi/contracts';
import { defineReference } from '../framework/define-reference.js';
import { equipment } from './equipment.table.js';

export const EQUIPMENT = defineReference({
  path: 'equipment',
  name: 'Equipment',
  entity: 'equipment',
  table: equipment,
  schemas: {
    create: EquipmentCreateSchema,
    update: EquipmentUpdateSchema,
    read: EquipmentSchema,
    query: EquipmentListQuerySchema,
    page: EquipmentPageSchema,
  },
  sort: { code: equipment.code, teu: equipment.teu },
  defaultSort: { field: 'code', direction: 'asc' },
  search: [equipment.code, equipment.labelFr, equipment.labelEn],
  uniqueFields: { equipment_code_key: 'code' },
  csv: [
    ['code', 'Code ISO 6346', 'ISO 6346 code'],
    ['labelFr', 'Libellé FR', 'Label FR'],
    ['labelEn', 'Libellé EN', 'Label EN'],
    ['teu', 'EVP', 'TEU'],
    ['maxPayloadKg', 'Charge utile max (kg)', 'Max payload (kg)'],
    ['isReefer', 'Frigorifique', 'Reefer'],
  ],
});
