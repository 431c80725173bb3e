#!/usr/bin/env bash
# Real-Keycloak conformance run for CI: fetch (cached) → start on a FRESH database `keycloak` (so the
# current realm files are imported) → smoke.mjs contract checks → optional extra command → stop →
# realm export through scripts/backup, decrypted and checked (export-check.sh).
#
#   scripts/keycloak/test.sh [command args…]
# The extra command (e.g. the API's conformance suite) runs while Keycloak is up, with
# OIDC_ISSUER_URL, PUBLIC_ISSUER_URL, OIDC_AUTH_CLIENT_SECRET and KC_URL exported for it.
# Keycloak is always stopped, also when a step fails.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/keycloak/env.sh
source "$dir/env.sh"

"$dir/run.sh" --fresh
trap '"$dir/stop.sh"' EXIT

export KC_URL="http://localhost:${KC_HTTP_PORT:-8180}"
export OIDC_ISSUER_URL="$KC_URL/realms/$KC_REALM"
export PUBLIC_ISSUER_URL="$OIDC_ISSUER_URL"
export OIDC_AUTH_CLIENT_SECRET="${VELOSI_AUTH_CLIENT_SECRET:-velosi-auth-dev-secret}"
export VELOSI_AUTH_CLIENT_SECRET="$OIDC_AUTH_CLIENT_SECRET"

(cd "$REPO_ROOT" && npx node "$dir/smoke.mjs")
if [ "$#" -gt 0 ]; then
  (cd "$REPO_ROOT" && "$@")
fi

# The configuration backup (kc.sh export) runs on a stopped server, as an operator would run it.
"$dir/stop.sh"
trap - EXIT
"$dir/export-check.sh"
