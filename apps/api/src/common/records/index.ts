/**
 * # Business records: the pattern every object module follows (leads, opportunities, clients,
 * activities, quotes …)
 *
 * 1. **Table** `src/<object>/<object>.table.ts`: spread `recordColumns()` (uuid id, version from 1,
 *    created/updated at, created_by, archived_at) and, for assignable records, `assignedToColumn()`
 *    with `assignedToIndex(name, table.assignedTo)` (GIN). Money = `moneyColumns(prefix, name)` +
 *    `moneyComplete(…)` check; amounts `amount()` = numeric(15,3). Re-export the table from
 *    src/database/schema.ts, then `flock /work/main/.migrations-lock npm run db:generate -w apps/api`.
 * 2. **Definition** `<object>.records.ts`: a `RecordDefinition` — audit entity name, `toApi(row)`
 *    (spread `recordMeta(row)`, dates via `isoOrNull`, money via `moneyFromColumns`), `visibility`
 *    (`assignedVisibility(table.assignedTo, readers)`: ADMIN all, others `assigned_to @> [sub]`,
 *    plus reader roles for reads, e.g. `{ FINANCE: true, OPERATIONS: eq(quotes.status, 'accepted') }`),
 *    `sortColumns` for EVERY field of the contract's sort allowlist (`enumOrder` for business
 *    order), `defaultSort`, `searchDocument` for `q` (common/search).
 * 3. **Service**: `new RecordRepository(definition, database.db, audit)` exposed as `records`:
 *    - `list(user, query, filters)` → `{ items, total, page, pageSize }`; visibility, `archived`,
 *      `q` (ILIKE, % and _ escaped) and your filters (drizzle conditions, `undefined` = none) go in
 *      one WHERE; `total` is count(*) over the same WHERE; sort comes from `sortColumns` only.
 *    - `get(user, id)` / `require(executor, user, id, { mode, lock, where })`: 404 when missing OR
 *      not visible (same answer: ids cannot be probed).
 *    - `create(tx, actor, values)`: insert + audit `create` (after = toApi(row)); `values` spread
 *      `ownedBy(actor, body.assignedTo)` (assignees, else the creator; `createdBy`).
 *    - `update(tx, actor, id, version, set, { action, check, where })`: locks the visible row in
 *      write mode (404), stale version → 409 `/problems/conflict` with `currentVersion`, `check`
 *      may refuse with `invalidState(…)` (409 `/problems/invalid-state`), then `UPDATE … WHERE id
 *      AND version` bumping version/updated_at, audit with before/after. Use `presentOnly(body)`
 *      so absent PATCH keys are left alone while `null` clears.
 *    - `createOne(actor, values)` / `updateOne(actor, id, version, set, options)`: the same in a
 *      transaction of their own, answering the API shape (plain POST / PATCH / actions).
 *    - `setArchived(actor, id, version, archived)`, `delete(tx, actor, id, version)`,
 *      `lockVersion(tx, user, id, version)` (first step of multi-write actions), then
 *      `updateLocked(tx, actor, lockedRow, set, action)` for its write (no second lock), `recordAudit(…)`.
 *    Every write runs in `records.db.transaction(tx => …)` and passes `tx` on, so the audit rows and
 *    all writes of an action (lead conversion, quote acceptance) commit or roll back together.
 *    A body's `assignedTo` goes through `Assignments` (assignment.ts, StaffModule): `assertNew(user,
 *    body.assignedTo)` before a create, `prepare(user, changes.assignedTo)` before an update and the
 *    returned check on the locked row (`check: (before) => assignment(before.assignedTo)`).
 * 4. **Controller**: `@RequirePermission('<object>:read|write')` on each route (403), `@CurrentUser()`
 *    for reads, `@CurrentActor()` (user + request id, for the audit) for writes,
 *    `@Param('id', RecordIdPipe)` (non-UUID → 404), `ZodValidationPipe(<contract schema>)` for
 *    bodies/queries (strict: unknown fields → 400 listing them). Archive/restore/timeline routes:
 *    add `lifecycleController({ path, service, read, write, timeline })` to the module's controllers.
 *    Links to other records in bodies: `assertLinkVisible(tx, user, otherDefinition, id, field)`.
 * 5. **Timeline**: `TimelineService.of(user, records, '<link>Id', id, query)` (ActivitiesModule
 *    exports it) merges the record's activities and audit entries, newest first.
 */
export * from './actor.js';
export * from './assignment.js';
export * from './columns.js';
export * from './fields.js';
export * from './lifecycle.controller.js';
export * from './links.js';
export * from './list.js';
export * from './problems.js';
export * from './record-id.pipe.js';
export * from './repository.js';
export * from './visibility.js';
