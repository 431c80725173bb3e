import { readConfig } from './config.js';
import { ProductionRefusedError, startIdp } from './server.js';

// Checked before anything is read or opened: this IdP holds demo passwords and dev secrets.
if (process.env.NODE_ENV === 'production') {
  console.error(`[idp] ${new ProductionRefusedError().message}`);
  process.exit(1);
}

try {
  const idp = await startIdp(readConfig(process.env));
  console.log(
    `[idp] Velosi dev identity provider listening on ${process.env.IDP_HOST ?? '127.0.0.1'}:${process.env.IDP_PORT ?? 8080}`,
  );
  console.log(`[idp] issuer ${idp.issuer}`);
  const stop = (signal: string) => {
    console.log(`[idp] ${signal}: shutting down`);
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  console.error(`[idp] cannot start: ${(error as Error).message}`);
  process.exit(1);
}
