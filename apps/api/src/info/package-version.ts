import { readFileSync } from 'node:fs';
import { z } from 'zod';

// apps/api/package.json, two folders up from both src/info and dist/info.
const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

export function packageVersion(): string {
  const parsed = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')));
  return parsed.version;
}
