import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';

/**
 * Counts the checks of one category of the security suite (one row of the table printed by
 * scripts/test-security.mjs). A "case" is one attack or probe with its expected outcome; the file
 * written on afterAll is summed by the script. Tests still assert, so a failure also fails Vitest.
 */
export interface Tally {
  /** Records one case; returns `ok` so callers can keep going and assert at the end. */
  check(ok: boolean, what?: string): boolean;
  readonly failures: string[];
  /** Asserts that every case so far passed (lists the first failures). */
  assertAllPassed(): void;
}

export function tally(category: string): Tally {
  let cases = 0;
  let passed = 0;
  const failures: string[] = [];
  afterAll(() => {
    const dir = process.env.SECURITY_REPORT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${category.replace(/\W+/g, '-')}-${process.pid}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify({ category, cases, passed, failures: failures.slice(0, 20) }));
  });
  return {
    failures,
    check(ok, what = 'case') {
      cases++;
      if (ok) passed++;
      else failures.push(what);
      return ok;
    },
    assertAllPassed() {
      expect(failures.slice(0, 20)).toEqual([]);
    },
  };
}
