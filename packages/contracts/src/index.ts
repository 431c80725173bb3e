// The one place a shape is declared: the API validates with these schemas, the SPA types its
// forms with them, OpenAPI is generated from them. Re-export every contract module here.
export * from './vocabulary.js';
export * from './problem.js';
export * from './info.js';
export * from './pagination.js';
export * from './roles.js';
export * from './common.js';
export * from './clients.js';
export * from './leads.js';
export * from './opportunities.js';
export * from './activities.js';
export * from './timeline.js';
export * from './quote-number.js';
export * from './quote-math.js';
export * from './quote-totals.js';
export * from './chargeable-weight.js';
export * from './quote-lines.js';
export * from './quotes.js';
export * from './quote-actions.js';
export * from './quote-links.js';
export * from './auth.js';
export * from './users.js';
export * from './staff.js';
export * from './web-config.js';
export * from './amount-bounds.js';
export * from './reference/index.js';
export * from './csv-import.js';
