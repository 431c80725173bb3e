#!/usr/bin/env bash
# Starts the real Keycloak (pinned distribution in .keycloak/) in the background on PostgreSQL
# database `keycloak`, importing the realm-as-code files, and waits until the realm answers.
#
#   scripts/keycloak/run.sh [--fresh] [--no-dev-users]
#     --fresh         drop and recreate database `keycloak` first. --import-realm SKIPS a realm that
#                     already exists, so this is the only way to get the current realm file applied
#                     (CI always uses it).
#     --no-dev-users  import the realm only, without the DEV ONLY demo users overlay.
#
# Env (dev defaults): KC_HTTP_PORT=8180, KC_HTTP_MANAGEMENT_PORT=9100, KC_PG_HOST=127.0.0.1,
# KC_PG_PORT=5432, KC_PG_USER=postgres, KC_PG_PASSWORD (empty: trust auth), KC_PG_DATABASE=keycloak,
# KC_BOOTSTRAP_ADMIN_USERNAME=admin, KC_BOOTSTRAP_ADMIN_PASSWORD=admin (master realm, dev only),
# VELOSI_AUTH_CLIENT_SECRET=velosi-auth-dev-secret, VELOSI_WEB_URL=http://localhost:3000,
# KC_START_TIMEOUT=300 (seconds), JAVA_OPTS_KC_HEAP="-Xms256m -Xmx1024m", KC_JAVA_HOME.
set -euo pipefail
# shellcheck source=scripts/keycloak/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

fresh=0
dev_users=1
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=1 ;;
    --no-dev-users) dev_users=0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [ -f "$KC_PID_FILE" ] && kill -0 "$(cat "$KC_PID_FILE")" 2>/dev/null; then
  echo "keycloak already running (pid $(cat "$KC_PID_FILE")); stop it first: scripts/keycloak/stop.sh" >&2
  exit 1
fi

"$(dirname "${BASH_SOURCE[0]}")/fetch.sh"

export KC_HTTP_PORT="${KC_HTTP_PORT:-8180}"
export KC_HTTP_MANAGEMENT_PORT="${KC_HTTP_MANAGEMENT_PORT:-9100}"
kc_export_db_env
psql_admin=(psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -Atq)

# Refuse to start over something else on our port: the wait loop below would happily talk to it.
if curl -s -o /dev/null "http://localhost:$KC_HTTP_PORT/"; then
  echo "port $KC_HTTP_PORT is already in use" >&2
  exit 1
fi

if [ "$fresh" = 1 ]; then
  echo "dropping database $pg_db (--fresh)"
  "${psql_admin[@]}" -c "drop database if exists \"$pg_db\" with (force)"
fi
if [ -z "$("${psql_admin[@]}" -c "select 1 from pg_database where datname = '$pg_db'")" ]; then
  echo "creating database $pg_db"
  "${psql_admin[@]}" -c "create database \"$pg_db\""
fi

# Directory import: `<realm>-realm.json` plus `<realm>-users-<n>.json` are read together by
# Keycloak's "dir" importer (other *.json files go through the single-file importer, which SKIPS any
# name containing "-users-"). So the realm file is copied under the dir importer's name.
import_dir="$KC_HOME/data/import"
mkdir -p "$import_dir"
find "$import_dir" -maxdepth 1 -name '*.json' -delete
cp "$REPO_ROOT/deploy/keycloak/realm-$KC_REALM.json" "$import_dir/$KC_REALM-realm.json"
if [ "$dev_users" = 1 ]; then
  cp "$REPO_ROOT/deploy/keycloak/dev/$KC_REALM-users-0.json" "$import_dir/$KC_REALM-users-0.json"
fi

export KC_HEALTH_ENABLED=true
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
# Placeholders of the realm file (resolved from the environment at import time only).
export VELOSI_AUTH_CLIENT_SECRET="${VELOSI_AUTH_CLIENT_SECRET:-velosi-auth-dev-secret}"
export VELOSI_WEB_URL="${VELOSI_WEB_URL:-http://localhost:3000}"
# The machine is shared: keep the heap modest instead of kc.sh's 70 %-of-RAM container default.
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms256m -Xmx1024m}"
JAVA_HOME="$(kc_pick_java_home)"
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

echo "starting keycloak $KEYCLOAK_VERSION (JDK $JAVA_HOME) on :$KC_HTTP_PORT, log $KC_LOG_FILE"
started_at=$(date +%s.%N)
# setsid: own session and process group (id = the recorded pid), so stop.sh can end Keycloak and
# nothing else. The recorded pid is kc.sh's; it forwards SIGTERM to its JVM child.
setsid "$KC_HOME/bin/kc.sh" start-dev --import-realm >"$KC_LOG_FILE" 2>&1 </dev/null &
echo $! >"$KC_PID_FILE"
pid=$(cat "$KC_PID_FILE")

well_known="http://localhost:$KC_HTTP_PORT/realms/$KC_REALM/.well-known/openid-configuration"
deadline=$(($(date +%s) + ${KC_START_TIMEOUT:-300}))
until curl -sf -o /dev/null "$well_known"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "keycloak exited during start; last log lines:" >&2
    tail -n 40 "$KC_LOG_FILE" >&2
    rm -f "$KC_PID_FILE"
    exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "keycloak did not answer $well_known within ${KC_START_TIMEOUT:-300}s (pid $pid still running; see $KC_LOG_FILE)" >&2
    exit 1
  fi
  sleep 0.5
done
elapsed=$(awk -v s="$started_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "keycloak ready in ${elapsed}s (pid $pid): http://localhost:$KC_HTTP_PORT/realms/$KC_REALM"
