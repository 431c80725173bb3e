import { Inject, Injectable } from '@nestjs/common';
import { TokenResponseSchema, type TokenResponse } from '@velosi/contracts';
import { z } from 'zod';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

const IDP_TIMEOUT_MS = 10_000;

/** The IdP refused the grant (bad credentials, disabled/locked account, dead refresh token). */
export class GrantRejectedError extends Error {
  override readonly name = 'GrantRejectedError';
  constructor(readonly description: string) {
    super(`invalid_grant: ${description}`);
  }
}

/** The IdP could not be reached or timed out (answered 503). */
export class IdpUnavailableError extends Error {
  override readonly name = 'IdpUnavailableError';
}

/** The IdP answered something the API cannot use (misconfiguration: wrong secret, client…). */
export class IdpProtocolError extends Error {
  override readonly name = 'IdpProtocolError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(message);
  }
}

const OAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
const IntrospectionSchema = z.object({
  active: z.boolean(),
  sub: z.string().optional(),
  username: z.string().optional(),
  sid: z.string().optional(),
});

/** Whose a token is, as the IdP's introspection says. */
export interface TokenOwner {
  sub?: string;
  username?: string;
  sid?: string;
}

/** Keycloak's base URL and realm derived from an issuer `https://host[/prefix]/realms/<realm>`. */
export function splitIssuer(issuerUrl: string): { baseUrl: string; realm: string } {
  const match = /^(.*)\/realms\/([^/]+)$/.exec(issuerUrl);
  if (!match?.[1] || !match[2]) throw new Error(`issuer URL must end with /realms/<realm>: ${issuerUrl}`);
  return { baseUrl: match[1], realm: decodeURIComponent(match[2]) };
}

/**
 * Back-channel calls of the confidential velosi_auth client to the IdP's OIDC endpoints (password,
 * refresh and client_credentials grants; session logout). Keycloak and the dev IdP share the paths.
 */
@Injectable()
export class OidcClient {
  private readonly endpoint: string;
  private readonly basicAuth: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.endpoint = `${config.auth.issuerUrl}/protocol/openid-connect`;
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined for Basic auth.
    const id = encodeURIComponent(config.auth.clientId);
    const secret = encodeURIComponent(config.auth.clientSecret);
    this.basicAuth = `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  }

  passwordGrant(username: string, password: string): Promise<TokenResponse> {
    return this.tokenRequest({ grant_type: 'password', username, password });
  }

  refreshGrant(refreshToken: string): Promise<TokenResponse> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Service-account token of velosi_auth (for the Admin REST API); no refresh token. */
  async clientCredentials(): Promise<{ accessToken: string; expiresIn: number }> {
    const res = await this.post('token', { grant_type: 'client_credentials' });
    const body = await this.json(res);
    const parsed = z.object({ access_token: z.string(), expires_in: z.number() }).safeParse(body.value);
    if (res.status !== 200 || !parsed.success)
      throw new IdpProtocolError('client_credentials grant failed', res.status, body.text);
    return { accessToken: parsed.data.access_token, expiresIn: parsed.data.expires_in };
  }

  /**
   * The owner of a live token (RFC 7662 introspection), for tokens that do not say it themselves
   * (the dev IdP's refresh tokens are opaque); undefined when inactive or not answered.
   */
  async tokenOwner(token: string): Promise<TokenOwner | undefined> {
    const res = await this.post('token/introspect', { token });
    const parsed = IntrospectionSchema.safeParse((await this.json(res)).value);
    if (res.status !== 200 || !parsed.success || !parsed.data.active) return undefined;
    const { sub, username, sid } = parsed.data;
    return { sub, username, sid };
  }

  /** Ends the SSO session the refresh token belongs to (Keycloak answers 204). */
  async logout(refreshToken: string): Promise<void> {
    const res = await this.post('logout', { refresh_token: refreshToken });
    if (res.status === 204 || res.status === 200) return;
    const body = await this.json(res);
    const oauth = OAuthErrorSchema.safeParse(body.value);
    if (res.status === 400 && oauth.success && oauth.data.error === 'invalid_grant')
      throw new GrantRejectedError(oauth.data.error_description ?? '');
    throw new IdpProtocolError('logout failed', res.status, body.text);
  }

  private async tokenRequest(params: Record<string, string>): Promise<TokenResponse> {
    const res = await this.post('token', params);
    const body = await this.json(res);
    if (res.status === 200) {
      const tokens = TokenResponseSchema.safeParse(body.value);
      if (tokens.success) return tokens.data;
      throw new IdpProtocolError('unexpected token response', res.status, '(token response withheld)');
    }
    const oauth = OAuthErrorSchema.safeParse(body.value);
    // Keycloak: 400 invalid_grant for wrong password, unknown user, disabled, temporarily locked,
    // required action pending, dead refresh token. Everything else is our misconfiguration.
    if (res.status === 400 && oauth.success && oauth.data.error === 'invalid_grant')
      throw new GrantRejectedError(oauth.data.error_description ?? '');
    throw new IdpProtocolError(`token endpoint answered ${res.status}`, res.status, body.text);
  }

  private async post(path: string, params: Record<string, string>): Promise<Response> {
    try {
      return await fetch(`${this.endpoint}/${path}`, {
        method: 'POST',
        headers: {
          authorization: this.basicAuth,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(params),
        redirect: 'manual',
        signal: AbortSignal.timeout(IDP_TIMEOUT_MS),
      });
    } catch (error) {
      throw new IdpUnavailableError(`identity provider unreachable (${path})`, { cause: error });
    }
  }

  private async json(res: Response): Promise<{ text: string; value: unknown }> {
    let text: string;
    try {
      text = await res.text();
    } catch (error) {
      throw new IdpUnavailableError('identity provider response interrupted', { cause: error });
    }
    try {
      return { text, value: JSON.parse(text) as unknown };
    } catch {
      return { text: text.slice(0, 500), value: undefined };
    }
  }
}
