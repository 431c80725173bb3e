#!/usr/bin/env bash
# The realm configuration backup, exercised: `scripts/backup --realm-only` (kc.sh export, encrypted)
# against the conformance Keycloak's database (server stopped), then the file is decrypted here and
# checked: the realm, its clients, roles and password policy as the realm file declares them, and
# the encrypted file does not carry the client secret in clear. Prints one line; exit 1 otherwise.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/keycloak/env.sh
source "$dir/env.sh"
kc_export_db_env
JAVA_HOME="$(kc_pick_java_home)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms256m -Xmx1024m}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
key=$(openssl rand -hex 32)
started=$(date +%s)
BACKUP_DIR="$work/out" KEYCLOAK_HOME="$KC_HOME" KC_REALM="$KC_REALM" BACKUP_ENCRYPTION_KEY="$key" \
  "$REPO_ROOT/scripts/backup" --realm-only >"$work/backup.log"
encrypted=$(ls "$work"/out/keycloak-"$KC_REALM"-*.json.enc)
secret="${VELOSI_AUTH_CLIENT_SECRET:-velosi-auth-dev-secret}"
if grep -q "$secret" "$encrypted"; then
  echo "realm export: the client secret appears in clear in $encrypted" >&2
  exit 1
fi
BACKUP_ENCRYPTION_KEY=$key openssl enc -d -aes-256-cbc -pbkdf2 -iter 200000 \
  -pass env:BACKUP_ENCRYPTION_KEY -in "$encrypted" -out "$work/realm.json"
node - "$work/realm.json" "$REPO_ROOT/deploy/keycloak/realm-$KC_REALM.json" "$(($(date +%s) - started))" <<'JS'
const { readFileSync } = require('node:fs');
const [exported, declared, seconds] = process.argv.slice(2);
const got = JSON.parse(readFileSync(exported, 'utf8'));
const want = JSON.parse(readFileSync(declared, 'utf8'));
const problems = [];
const names = (list, key) => (list ?? []).map((item) => item[key]).sort();
if (got.realm !== want.realm) problems.push(`realm ${got.realm}`);
for (const client of names(want.clients, 'clientId'))
  if (!names(got.clients, 'clientId').includes(client)) problems.push(`client ${client} missing`);
for (const role of names(want.roles?.realm, 'name'))
  if (!names(got.roles?.realm, 'name').includes(role)) problems.push(`role ${role} missing`);
if (got.passwordPolicy !== want.passwordPolicy) problems.push(`password policy "${got.passwordPolicy}"`);
if (!got.bruteForceProtected) problems.push('brute-force protection off');
if (problems.length) {
  console.error(`realm export differs from the realm file: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `realm export OK in ${seconds} s: ${got.realm}, ${got.clients.length} clients, ` +
    `${got.roles.realm.length} realm roles, ${(got.users ?? []).length} users, encrypted at rest`,
);
JS
