import { InjectionToken } from '@angular/core';

/**
 * Runtime settings served by the API at `/config.json` (README: configuration). They are read at boot,
 * not baked in at build time, so one SPA build serves every environment.
 */
export interface AppConfig {
  /** Base URL of the API; `""` means same origin (the API serves the SPA). */
  readonly apiUrl: string;
  /** OIDC issuer the browser talks to, e.g. http://localhost:8080/realms/ERP_Velosi. */
  readonly issuerUrl: string;
  /** Public OIDC client of the SPA (velosi_web). */
  readonly clientId: string;
}

export const APP_CONFIG = new InjectionToken<AppConfig>('APP_CONFIG');

/** Thrown when `/config.json` cannot be fetched or does not have the expected shape. */
export class AppConfigError extends Error {
  override readonly name = 'AppConfigError';
}

const CONFIG_KEYS = ['apiUrl', 'issuerUrl', 'clientId'] as const;

/** Checks the shape of a parsed `/config.json`; extra keys are ignored so the API may add some. */
export function parseAppConfig(raw: unknown): AppConfig {
  if (typeof raw !== 'object' || raw === null) throw new AppConfigError('config.json is not an object');
  const record = raw as Record<string, unknown>;
  for (const key of CONFIG_KEYS) {
    if (typeof record[key] !== 'string') throw new AppConfigError(`config.json: "${key}" must be a string`);
  }
  return Object.freeze({
    apiUrl: record['apiUrl'] as string,
    issuerUrl: record['issuerUrl'] as string,
    clientId: record['clientId'] as string,
  });
}

/**
 * Fetches `config.json` next to index.html (resolved against `<base href>`, so a sub-path deployment
 * works too). `no-store`: a redeploy with new settings must not be hidden by a cached copy.
 */
export async function loadAppConfig(baseUri: string = document.baseURI): Promise<AppConfig> {
  const url = new URL('config.json', baseUri);
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new AppConfigError(`${url.pathname} is unreachable`, { cause });
  }
  if (!response.ok) throw new AppConfigError(`${url.pathname} answered HTTP ${response.status}`);
  return parseAppConfig(await response.json());
}
