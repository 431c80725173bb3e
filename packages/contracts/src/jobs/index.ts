export * from './identifiers.js';
export * from './jobs.js';
export * from './job-lines.js';
export * from './job-math.js';
export * from './milestone-order.js';
