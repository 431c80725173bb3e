import type { Grant, KoaContextWithOIDC } from 'oidc-provider';
import { findClient, type Realm } from '../realm/load.js';

/**
 * Consent for first-party clients (consentRequired=false in the realm) is implied, as in Keycloak:
 * the grant is loaded (or created) and extended with whatever the request asks for, so
 * oidc-provider never raises a consent prompt for them.
 */
export function autoConsent(realm: Realm, resource: string) {
  return async (ctx: KoaContextWithOIDC): Promise<Grant | undefined> => {
    const { provider, client, session, result } = ctx.oidc;
    if (!client || !session) return undefined;
    const grantId = (result?.consent?.grantId as string | undefined) ?? session.grantIdFor(client.clientId);
    const existing = grantId ? await provider.Grant.find(grantId) : undefined;
    if (findClient(realm, client.clientId)?.consentRequired || !session.accountId) return existing;

    const grant = existing ?? new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    const params = ctx.oidc.params as { scope?: string; claims?: string } | undefined;
    const scopes = (params?.scope ?? 'openid').split(' ').filter(Boolean);
    grant.addOIDCScope(scopes);
    grant.addResourceScope(resource, scopes);
    const claims = ctx.oidc.requestParamClaims;
    if (claims && claims.size > 0) grant.addOIDCClaims([...claims]);
    await grant.save();
    return grant;
  };
}
