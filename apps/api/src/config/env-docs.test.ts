import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from './env.schema.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SOURCES = path.join(REPO, 'apps/api/src');

/** Non-test TypeScript files of the API, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * What the API reads: the schema's variables, plus any `env.NAME` / `process.env.NAME` /
 * `env['NAME']` read elsewhere (tracing reads its switch before the configuration is loaded).
 * Names of the validated Env (`e.PORT`) are schema keys anyway.
 */
function variablesRead(): Set<string> {
  const names = new Set(Object.keys(EnvSchema.shape));
  const access = /\benv(?:\.([A-Z][A-Z0-9_]+)\b|\[\s*['"]([A-Z][A-Z0-9_]+)['"]\s*\])/g;
  for (const file of sourceFiles(SOURCES)) {
    for (const match of readFileSync(file, 'utf8').matchAll(access)) names.add((match[1] ?? match[2])!);
  }
  return names;
}

/** `NAME=` lines of the `─── api ───` block of .env.example. */
function envExampleApiBlock(): Set<string> {
  const text = readFileSync(path.join(REPO, '.env.example'), 'utf8');
  const block = /^# ─── api ───$([\s\S]*?)^# ───/m.exec(text)?.[1] ?? '';
  return new Set([...block.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

/** The backticked names of the first column of deploy/README.md's "API variables" table. */
function readmeApiTable(): Set<string> {
  const text = readFileSync(path.join(REPO, 'deploy/README.md'), 'utf8');
  const section = /^## API variables$([\s\S]*?)^## /m.exec(text)?.[1] ?? '';
  const firstCells = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1] ?? '');
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!)));
}

const sorted = (names: Iterable<string>) => [...names].sort();
const missing = (from: Set<string>, wanted: Set<string>) => sorted([...wanted].filter((n) => !from.has(n)));

describe('API variables: read ⇔ documented', () => {
  const read = variablesRead();

  it('finds the variables (the parsers still match the files)', () => {
    expect(read.size).toBeGreaterThan(40);
    expect(read).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(envExampleApiBlock().size).toBeGreaterThan(40);
    expect(readmeApiTable().size).toBeGreaterThan(40);
  });

  it.each([
    ['.env.example (api block)', envExampleApiBlock],
    ['deploy/README.md (API variables table)', readmeApiTable],
  ])('%s lists every variable read, and only those', (_where, documented) => {
    const listed = documented();
    expect({
      readButNotDocumented: missing(listed, read),
      documentedButNotRead: missing(read, listed),
    }).toEqual({
      readButNotDocumented: [],
      documentedButNotRead: [],
    });
  });
});
