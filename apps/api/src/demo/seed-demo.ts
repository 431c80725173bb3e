// `npm run seed:demo`: seeds the demo data into the configured database (PGlite data dir or
// DATABASE_URL), resolving the demo commercials through the IdP's Admin API (OIDC_ISSUER_URL,
// velosi_auth). Refused with NODE_ENV=production; does nothing when the demo is already there.
import { createApp } from '../app.js';
import { loadConfig } from '../config/app-config.js';
import { exitOnStartupError } from '../startup-error.js';
import { DemoSeeder } from './demo.module.js';

try {
  // Checked before anything opens: production data must never receive demo rows.
  if (loadConfig().nodeEnv === 'production') throw new Error('the demo data is never seeded in production');
  const app = await createApp();
  try {
    const seeder = app.get(DemoSeeder);
    // An empty embedded database was already seeded while the app started.
    const { seeded, counts } = seeder.seededAtStart ?? (await seeder.seed());
    process.stdout.write(
      seeded
        ? `Demo data seeded: ${Object.entries(counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')}.\n`
        : 'Demo data already present: nothing to do.\n',
    );
  } finally {
    await app.close();
  }
} catch (error) {
  exitOnStartupError(error, 'Demo seed');
}
