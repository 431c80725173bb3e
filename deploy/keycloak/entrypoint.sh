#!/bin/sh
# Guards the realm import before handing over to kc.sh. Keycloak leaves an unset ${VAR} of the realm
# file VERBATIM, so a missing VELOSI_AUTH_CLIENT_SECRET would silently become the public, guessable
# secret "${VELOSI_AUTH_CLIENT_SECRET}". Placeholders only matter on the FIRST start (the realm is
# skipped once it exists), but checking every start costs nothing and catches a wiped database.
set -eu

fail() {
  echo "velosi-entrypoint: $*" >&2
  exit 1
}

secret="${VELOSI_AUTH_CLIENT_SECRET:-}"
[ -n "$secret" ] || fail "VELOSI_AUTH_CLIENT_SECRET must be set (secret of client velosi_auth; same value as the API's OIDC_AUTH_CLIENT_SECRET)"
[ "$secret" != "velosi-auth-dev-secret" ] || fail "VELOSI_AUTH_CLIENT_SECRET is the public dev default; generate one (e.g. openssl rand -base64 48)"
[ "${#secret}" -ge 32 ] || fail "VELOSI_AUTH_CLIENT_SECRET must be at least 32 characters"
case "${VELOSI_WEB_URL:-}" in
  https://*) ;;
  "") fail "VELOSI_WEB_URL must be set (public https URL of the SPA; velosi_web redirect URIs are derived from it)" ;;
  *) [ "${VELOSI_ALLOW_HTTP_WEB_URL:-false}" = "true" ] || fail "VELOSI_WEB_URL must be https:// (set VELOSI_ALLOW_HTTP_WEB_URL=true for a local docker compose)" ;;
esac

# Next to kc.sh in the image (/opt/keycloak/bin); relative so the host image check runs it too.
exec "$(dirname "$0")/kc.sh" "$@"
