import { BadGatewayException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { OidcClient, splitIssuer } from '../auth/login/oidc-client.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

const ADMIN_TIMEOUT_MS = 10_000;
// Renew the service-account token this long before it expires, so a request never carries a
// token that dies in flight.
const TOKEN_RENEW_MARGIN_MS = 30_000;

export interface AdminResponse {
  status: number;
  location: string | null;
  /** Parsed JSON body, or undefined when empty / not JSON. */
  body: unknown;
  text: string;
}

/**
 * Keycloak answered something the API did not expect (5xx, auth failure of our service account,
 * unknown shape). A 502 for the client; the message (status, path, Keycloak's body) reaches the log
 * through the problem filter, never the response.
 */
export class KeycloakUnexpectedError extends BadGatewayException {
  constructor(method: string, path: string, status: number, text: string) {
    super(`Keycloak ${method} ${path} answered ${status}: ${text.slice(0, 300)}`);
  }
}

export function unexpected(method: string, path: string, res: AdminResponse): KeycloakUnexpectedError {
  return new KeycloakUnexpectedError(method, path, res.status, res.text);
}

/**
 * Keycloak's Admin REST API (`<base>/admin/realms/<realm>/…`) called with the velosi_auth service
 * account (realm-management manage-users/view-users/query-users/view-realm). Its token is cached
 * until shortly before expiry and dropped on a 401 (IdP restarted, keys rotated), then retried once.
 */
@Injectable()
export class KeycloakAdminClient {
  private readonly base: string;
  private token: { value: string; renewAt: number } | undefined;
  private pendingToken: Promise<string> | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly oidc: OidcClient,
  ) {
    const { baseUrl, realm } = splitIssuer(config.auth.issuerUrl);
    this.base = `${baseUrl}/admin/realms/${encodeURIComponent(realm)}`;
  }

  async request(method: string, path: string, body?: unknown): Promise<AdminResponse> {
    const first = await this.send(method, path, body, await this.accessToken());
    if (first.status !== 401) return first;
    this.token = undefined;
    return this.send(method, path, body, await this.accessToken());
  }

  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return this.token.value;
    // Concurrent requests share one token request instead of each asking the IdP.
    this.pendingToken ??= this.oidc
      .clientCredentials()
      .then(({ accessToken, expiresIn }) => {
        const lifetimeMs = expiresIn * 1000;
        this.token = {
          value: accessToken,
          renewAt: Date.now() + Math.max(0, lifetimeMs - TOKEN_RENEW_MARGIN_MS),
        };
        return accessToken;
      })
      .catch((error: unknown) => {
        throw new ServiceUnavailableException('Identity provider unavailable.', { cause: error });
      })
      .finally(() => (this.pendingToken = undefined));
    return this.pendingToken;
  }

  private async send(method: string, path: string, body: unknown, token: string): Promise<AdminResponse> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServiceUnavailableException('Identity provider unavailable.', { cause: error });
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, location: res.headers.get('location'), body: parsed, text };
  }
}
