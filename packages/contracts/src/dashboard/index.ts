export * from './period.js';
export * from './sales-targets.js';
export * from './dashboard.js';
export * from './sales-report.js';
