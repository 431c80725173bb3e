import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_DIR } from '../support/services/processes.js';
import { tally } from './support/tally.js';

// No secret in the repository: every tracked file is scanned for private keys, cloud and chat
// tokens, and passwords assigned in configuration. The only passwords allowed are the demo ones of
// the dev realm overlay (deploy/keycloak/dev/) and the test helpers that log in with them.
const secrets = tally('secret scan');
const ROOT = join(API_DIR, '..', '..');
const PATTERNS: readonly [string, RegExp][] = [
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36}\b/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['Stripe live key', /\bsk_live_[A-Za-z0-9]{20,}/],
  [
    'credentials in a URL',
    /\b(?:postgres(?:ql)?|redis|smtps?|amqp):\/\/[^:\s/'"]+:(?!\*\*\*|\$\{|<)[^@\s/'"]{6,}@/,
  ],
];
const DEMO_ONLY = [/^deploy\/keycloak\/dev\//, /\/test\//, /\.test\.ts$/, /^e2e\//, /^apps\/idp\//];

describe('secret scan of the tracked files', () => {
  it('finds no private key, token or password outside the demo overlay and the tests', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) {
      const path = join(ROOT, file);
      if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true || statSync(path).size > 2_000_000)
        continue;
      const text = readFileSync(path, 'utf8');
      for (const [what, pattern] of PATTERNS) {
        const found =
          pattern.test(text) && !(what === 'credentials in a URL' && DEMO_ONLY.some((d) => d.test(file)));
        secrets.check(!found, `${what} in ${file}`);
      }
    }
    secrets.assertAllPassed();
  });
});
