export * from './tax-id.js';
export * from './bank.js';
export * from './client-fiscal.js';
