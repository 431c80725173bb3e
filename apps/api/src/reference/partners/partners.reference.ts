import {
  AgentCreateSchema,
  AgentListQuerySchema,
  AgentPageSchema,
  AgentSchema,
  AgentUpdateSchema,
  SupplierCreateSchema,
  SupplierListQuerySchema,
  SupplierPageSchema,
  SupplierSchema,
  SupplierUpdateSchema,
} from '@velosi/contracts';
import { arrayContains } from 'drizzle-orm';
import { CONTACT_CSV } from '../carriers/carriers.reference.js';
import { defineReference, equalsIfGiven } from '../framework/define-reference.js';
import { agents, suppliers } from './partners.table.js';

export const SUPPLIERS = defineReference({
  path: 'suppliers',
  name: 'Suppliers',
  entity: 'supplier',
  table: suppliers,
  schemas: {
    create: SupplierCreateSchema,
    update: SupplierUpdateSchema,
    read: SupplierSchema,
    query: SupplierListQuerySchema,
    page: SupplierPageSchema,
  },
  sort: { code: suppliers.code, name: suppliers.name, category: suppliers.category, city: suppliers.city },
  defaultSort: { field: 'name', direction: 'asc' },
  search: [suppliers.code, suppliers.name, suppliers.city, suppliers.taxId],
  filters: (query) => [
    equalsIfGiven(suppliers.category, query.category),
    equalsIfGiven(suppliers.country, query.country),
  ],
  codePrefix: 'FRN',
  csv: [
    ['code', 'Code', 'Code'],
    ['name', 'Nom', 'Name'],
    ['category', 'Catégorie', 'Category'],
    ['taxId', 'Matricule fiscal', 'Tax id'],
    ...CONTACT_CSV,
    ['paymentTermsDays', 'Délai de paiement (jours)', 'Payment terms (days)'],
    ['bankAccount', 'IBAN/RIB', 'IBAN/RIB'],
    ['swift', 'SWIFT', 'SWIFT'],
  ],
});

export const AGENTS = defineReference({
  path: 'agents',
  name: 'Agents',
  entity: 'agent',
  table: agents,
  schemas: {
    create: AgentCreateSchema,
    update: AgentUpdateSchema,
    read: AgentSchema,
    query: AgentListQuerySchema,
    page: AgentPageSchema,
  },
  sort: { code: agents.code, name: agents.name, country: agents.country, city: agents.city },
  defaultSort: { field: 'name', direction: 'asc' },
  search: [agents.code, agents.name, agents.city, agents.country, agents.contactName],
  filters: (query) => [
    equalsIfGiven(agents.country, query.country),
    typeof query.mode === 'string' ? arrayContains(agents.modes, [query.mode]) : undefined,
  ],
  codePrefix: 'AGT',
  csv: [
    ['code', 'Code', 'Code'],
    ['name', 'Nom', 'Name'],
    ...CONTACT_CSV,
    ['modes', 'Modes', 'Modes'],
    ['contactName', 'Contact', 'Contact'],
  ],
});
