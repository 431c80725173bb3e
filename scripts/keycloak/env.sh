# shellcheck shell=bash
# Shared settings of the real-Keycloak scripts (sourced, not executed).
# Keep KEYCLOAK_VERSION in step with deploy/keycloak/Dockerfile (FROM quay.io/keycloak/keycloak:<version>).

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KC_CACHE_DIR="${KC_CACHE_DIR:-$REPO_ROOT/.keycloak}"
KC_HOME="$KC_CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
KC_ZIP="$KC_CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
KC_PID_FILE="$KC_CACHE_DIR/kc.pid"
KC_LOG_FILE="$KC_CACHE_DIR/kc.log"
KC_REALM="ERP_Velosi"

# Keycloak 26.x refuses Java 17 (the machine's default java); 26.6+ runs on 21 and 25. Use
# KC_JAVA_HOME when given, else the newest JDK >= 21 under /usr/lib/jvm (Temurin 25 here), else JAVA_HOME.
kc_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'
}
kc_pick_java_home() {
  local candidate major best="" best_major=0
  if [ -n "${KC_JAVA_HOME:-}" ]; then
    echo "$KC_JAVA_HOME"
    return 0
  fi
  for candidate in /usr/lib/jvm/*/ "${JAVA_HOME:-}"; do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major="$(kc_java_major "$candidate")"
    major="${major%%.*}"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "no JDK >= 21 found under /usr/lib/jvm (Keycloak $KEYCLOAK_VERSION needs 21 or 25); set KC_JAVA_HOME" >&2
    return 1
  fi
  echo "$best"
}

# Keycloak's database settings (run.sh, export-check.sh): PostgreSQL database `keycloak` on the
# local server unless KC_PG_* / KC_DB_* say otherwise. Sets pg_host, pg_port, pg_user, pg_db too.
kc_export_db_env() {
  pg_host="${KC_PG_HOST:-127.0.0.1}"
  pg_port="${KC_PG_PORT:-5432}"
  pg_user="${KC_PG_USER:-postgres}"
  pg_db="${KC_PG_DATABASE:-keycloak}"
  export PGPASSWORD="${KC_PG_PASSWORD:-${PGPASSWORD:-}}"
  export KC_DB=postgres
  export KC_DB_URL="${KC_DB_URL:-jdbc:postgresql://$pg_host:$pg_port/$pg_db}"
  export KC_DB_USERNAME="${KC_DB_USERNAME:-$pg_user}"
  if [ -n "$PGPASSWORD" ]; then export KC_DB_PASSWORD="${KC_DB_PASSWORD:-$PGPASSWORD}"; fi
}
