// The one place a shape is declared: the API validates with these schemas, the SPA types its
// forms with them, OpenAPI is generated from them. Re-export every contract module here.
export * from './problem.js';
export * from './info.js';
export * from './pagination.js';
export * from './roles.js';
