/**
 * Business records: the pattern every object module follows (columns, definition, repository,
 * visibility, versions, audit). The step-by-step recipe for a new object is in
 * docs/architecture.md, section "How to add a business object".
 */
export * from './actor.js';
export * from './columns.js';
export * from './fields.js';
export * from './links.js';
export * from './list.js';
export * from './problems.js';
export * from './record-id.pipe.js';
export * from './repository.js';
export * from './visibility.js';
