export * from './invoices.js';
export * from './amount-in-words.js';
export * from './invoice-math.js';
