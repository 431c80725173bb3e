import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'idp',
    include: ['test/**/*.test.ts'],
    // Each file starts its own IdP on an ephemeral port with a temp data dir; scrypt hashing and
    // RSA key generation make setup a little slow on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
