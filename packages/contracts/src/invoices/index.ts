export * from './invoices.js';
export * from './amount-in-words.js';
