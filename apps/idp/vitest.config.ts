import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'idp',
    include: ['test/**/*.test.ts'],
    // Each file starts its own IdP on an ephemeral port with a temp data dir; scrypt hashing and
    // RSA key generation are slow on a shared 2-core machine, where the unit run keeps three files
    // going at once (the root vitest.config.ts): the password-policy test hashes a dozen passwords.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
