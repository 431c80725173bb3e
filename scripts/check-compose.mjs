#!/usr/bin/env node
// Validates compose files against the Compose Specification's JSON schema (the copy dclint ships,
// kept current with compose-spec), with ajv (draft-07) — CI has no Docker engine to run
// `docker compose config`. Usage: node scripts/check-compose.mjs [file…] (default deploy/docker-compose.yml)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';

// Resolved from dclint's own folder so its ajv 8 is used (the root may hoist another major).
const dclintManifest = createRequire(import.meta.url).resolve('dclint/package.json');
const dclint = createRequire(dclintManifest);
const { default: Ajv } = await import(dclint.resolve('ajv'));
const schemaFile = path.join(path.dirname(dclintManifest), 'schemas', 'compose.schema.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));

// The schema names draft-07 by its https URL, which ajv registers under http: validate it as draft-07 anyway.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
const validate = ajv.compile(schema);
const files = process.argv.slice(2);
let failed = 0;
for (const file of files.length ? files : ['deploy/docker-compose.yml']) {
  const document = parse(readFileSync(file, 'utf8'), { merge: true });
  if (validate(document)) {
    console.log(`${file}: valid against the compose-spec schema`);
  } else {
    failed++;
    for (const error of validate.errors ?? [])
      console.error(`${file}: ${error.instancePath || '/'} ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
