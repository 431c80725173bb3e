import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('starts with documented defaults when nothing is set (PGlite under the working directory)', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({
      host: '0.0.0.0',
      port: 3000,
      trustProxy: false,
      requestTimeoutSeconds: 30,
      maxConnections: 1000,
    });
    expect(config.logLevel).toBe('info');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('.data/pglite') });
    expect(config.migrateOnStart).toBe(true);
    expect(config.web.distDir.endsWith(path.join('apps', 'web', 'dist', 'browser'))).toBe(true);
    expect(config.web.issuerUrl).toBe('http://localhost:8080/realms/ERP_Velosi');
    expect(config.web.clientId).toBe('velosi_web');
  });

  it('uses PostgreSQL with the configured pool size when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:6543/erp',
      DATABASE_POOL_SIZE: '4',
      PORT: '8081',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:6543/erp', poolSize: 4 });
    expect(config.http.port).toBe(8081);
  });

  it('keeps memory:// as is and treats empty values as unset', () => {
    const config = loadConfig({
      PGLITE_DATA_DIR: 'memory://',
      PORT: '',
      PUBLIC_ISSUER_URL: 'https://id.example/r',
    });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: 'memory://' });
    expect(config.http.port).toBe(3000);
    expect(config.web.issuerUrl).toBe('https://id.example/r');
  });

  it('names every offending variable in one message', () => {
    const error = configError({ PORT: 'abc', DATABASE_POOL_SIZE: '0', LOG_LEVEL: 'loud' });
    expect(error.message).toBe(
      'Invalid configuration: PORT: expected a port number (got "abc"); ' +
        'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "loud"); ' +
        'DATABASE_POOL_SIZE: expected a whole number from 1 to 1000 (got "0")',
    );
  });

  it('rejects a port out of range and a non-numeric pool size', () => {
    expect(configError({ PORT: '70000', DATABASE_POOL_SIZE: 'ten' }).message).toBe(
      'Invalid configuration: PORT: expected a port number (got "70000"); ' +
        'DATABASE_POOL_SIZE: expected a whole number from 1 to 1000 (got "ten")',
    );
  });

  it('never echoes the value of DATABASE_URL (it holds a password)', () => {
    const error = configError({ DATABASE_URL: 'mysql://admin:s3cret@db/erp' });
    expect(error.message).toBe('Invalid configuration: DATABASE_URL: expected a postgres:// URL');
    expect(error.message).not.toContain('s3cret');
  });

  it('refuses production without a database, issuer, public web URL or mail decision, naming each', () => {
    expect(configError({ NODE_ENV: 'production', OIDC_AUTH_CLIENT_SECRET: 'x'.repeat(32) }).message).toBe(
      'Invalid configuration: ' +
        'DATABASE_URL: required when NODE_ENV=production (never the embedded PGlite) (not set); ' +
        'OIDC_ISSUER_URL: required when NODE_ENV=production (never the dev IdP on localhost) (not set); ' +
        'PUBLIC_WEB_URL: required when NODE_ENV=production (links in e-mails start with it) (not set); ' +
        'SMTP_URL: required when NODE_ENV=production: set SMTP_URL (or SMTP_HOST), or MAIL_TRANSPORT=disabled (not set)',
    );
  });

  it('starts production on PostgreSQL with SMTP, or with e-mail explicitly disabled', () => {
    const production = {
      NODE_ENV: 'production',
      OIDC_AUTH_CLIENT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://u:pw@pooler:6543/erp',
      OIDC_ISSUER_URL: 'https://id.example.com/realms/ERP_Velosi',
      PUBLIC_WEB_URL: 'https://erp.example.com',
    };
    const withSmtp = loadConfig({ ...production, SMTP_HOST: 'smtp.example.com' });
    expect(withSmtp.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:pw@pooler:6543/erp',
      poolSize: 10,
    });
    expect(withSmtp.mail.transport.kind).toBe('smtp');
    expect(withSmtp.mail.publicWebUrl).toBe('https://erp.example.com');
    expect(loadConfig({ ...production, MAIL_TRANSPORT: 'disabled' }).mail.transport.kind).toBe('disabled');
    expect(configError({ ...production, MAIL_TRANSPORT: 'off' }).message).toBe(
      'Invalid configuration: MAIL_TRANSPORT: expected one of disabled (got "off")',
    );
  });
});
