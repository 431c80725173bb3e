import { char, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../common/records/columns.js';

/** Readable code (`ARM-001`) + name: what every carrier and partner table starts with. */
export const codedColumns = () => ({
  ...recordColumns(),
  code: text('code').notNull(),
  name: text('name').notNull(),
});

/** Phone, e-mail, address of hauliers, suppliers and agents. */
export const contactColumns = () => ({
  phone: text('phone'),
  email: text('email'),
  address: text('address'),
  city: text('city'),
  country: char('country', { length: 2 }).notNull(),
});

export const shippingLines = pgTable(
  'shipping_lines',
  {
    ...codedColumns(),
    scac: text('scac'),
    website: text('website'),
    trackingUrlTemplate: text('tracking_url_template'),
  },
  (table) => [
    uniqueIndex('shipping_lines_code_key').on(table.code),
    uniqueIndex('shipping_lines_scac_key').on(table.scac),
  ],
);
export type ShippingLineRow = typeof shippingLines.$inferSelect;

export const airlines = pgTable(
  'airlines',
  {
    ...codedColumns(),
    iataCode: text('iata_code'),
    awbPrefix: char('awb_prefix', { length: 3 }),
    website: text('website'),
  },
  (table) => [
    uniqueIndex('airlines_code_key').on(table.code),
    uniqueIndex('airlines_awb_prefix_key').on(table.awbPrefix),
  ],
);
export type AirlineRow = typeof airlines.$inferSelect;

export const hauliers = pgTable(
  'hauliers',
  { ...codedColumns(), taxId: text('tax_id'), ...contactColumns() },
  (table) => [uniqueIndex('hauliers_code_key').on(table.code)],
);
export type HaulierRow = typeof hauliers.$inferSelect;

export const vessels = pgTable(
  'vessels',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    imo: char('imo', { length: 7 }).notNull(),
    flag: char('flag', { length: 2 }),
    shippingLineId: uuid('shipping_line_id').references(() => shippingLines.id),
  },
  (table) => [
    uniqueIndex('vessels_imo_key').on(table.imo),
    index('vessels_shipping_line_idx').on(table.shippingLineId),
  ],
);
export type VesselRow = typeof vessels.$inferSelect;
