export * from './payments.js';
export * from './receivables.js';
