import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { PRODUCTION_ENV } from '../../test/support/test-app.js';

function message(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('identity configuration', () => {
  it('defaults to the dev IdP, velosi-api audience, velosi_auth with the dev secret, 5 failures / 5 min', () => {
    expect(loadConfig({}).auth).toEqual({
      issuerUrl: 'http://localhost:8080/realms/ERP_Velosi',
      audience: 'velosi-api',
      clientId: 'velosi_auth',
      clientSecret: 'velosi-auth-dev-secret',
      authorizedParties: ['velosi_auth', 'velosi_web'],
      jwksCooldownSeconds: 30,
      tokenCacheSize: 10_000,
      loginRateLimit: { points: 5, seconds: 300 },
      loginIpRateLimit: { points: 30, seconds: 300 },
      revocationTtlSeconds: 900,
    });
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({}).rateLimits).toEqual({
      ip: { points: 2000, seconds: 60 },
      user: { points: 300, seconds: 60 },
      documents: { points: 30, seconds: 60 },
      publicLinks: { points: 120, seconds: 60 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      OIDC_ISSUER_URL: 'https://id.example.com/realms/ERP_Velosi/',
      OIDC_AUDIENCE: 'erp',
      OIDC_AUTH_CLIENT_ID: 'svc',
      OIDC_AUTH_CLIENT_SECRET: 's3cret',
      OIDC_JWKS_COOLDOWN_SECONDS: '5',
      AUTH_TOKEN_CACHE_SIZE: '0',
      AUTH_LOGIN_RATE_LIMIT: '10/60',
      AUTH_REVOCATION_TTL_SECONDS: '600',
      REDIS_URL: 'redis://:pw@cache:6379/2',
      REDIS_KEY_PREFIX: 'erp-prod:',
    });
    expect(config.auth).toEqual({
      issuerUrl: 'https://id.example.com/realms/ERP_Velosi',
      audience: 'erp',
      clientId: 'svc',
      clientSecret: 's3cret',
      authorizedParties: ['svc', 'velosi_web'],
      jwksCooldownSeconds: 5,
      tokenCacheSize: 0,
      loginRateLimit: { points: 10, seconds: 60 },
      loginIpRateLimit: { points: 30, seconds: 300 },
      revocationTtlSeconds: 600,
    });
    expect(config.redis).toEqual({ url: 'redis://:pw@cache:6379/2', keyPrefix: 'erp-prod:' });
  });

  it('requires a real client secret in production, and never echoes it', () => {
    const production = { ...PRODUCTION_ENV, OIDC_ISSUER_URL: 'https://id.example.com/realms/ERP_Velosi' };
    const { OIDC_AUTH_CLIENT_SECRET: _secret, ...withoutSecret } = production;
    expect(message(withoutSecret)).toBe(
      'Invalid configuration: OIDC_AUTH_CLIENT_SECRET: required when NODE_ENV=production (not set)',
    );
    const devSecret = message({ ...production, OIDC_AUTH_CLIENT_SECRET: 'velosi-auth-dev-secret' });
    expect(devSecret).toBe(
      'Invalid configuration: OIDC_AUTH_CLIENT_SECRET: the dev secret is not allowed when NODE_ENV=production',
    );
    expect(loadConfig({ ...production, OIDC_AUTH_CLIENT_SECRET: 'x'.repeat(32) }).auth.clientSecret).toBe(
      'x'.repeat(32),
    );
  });

  it('rejects a malformed rate limit and a non-redis URL without echoing the URL', () => {
    expect(message({ AUTH_LOGIN_RATE_LIMIT: '5 per minute' })).toBe(
      'Invalid configuration: AUTH_LOGIN_RATE_LIMIT: expected <attempts>/<seconds>, e.g. 5/300 (got "5 per minute")',
    );
    expect(message({ AUTH_LOGIN_RATE_LIMIT: '0/60' })).toContain('AUTH_LOGIN_RATE_LIMIT');
    const redis = message({ REDIS_URL: 'http://user:hunter2@cache' });
    expect(redis).toBe('Invalid configuration: REDIS_URL: expected a redis:// URL');
  });
});
