export * from './reference.js';
export * from './locations.js';
export * from './countries.js';
export * from './equipment.js';
export * from './charge-types.js';
export * from './exchange-rates.js';
export * from './carriers.js';
export * from './partners.js';
