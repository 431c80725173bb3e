#!/usr/bin/env bash
# Stops the Keycloak started by run.sh, by the pid it recorded (never by process name).
set -euo pipefail
# shellcheck source=scripts/keycloak/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [ ! -f "$KC_PID_FILE" ]; then
  echo "keycloak not running (no $KC_PID_FILE)"
  exit 0
fi
pid="$(cat "$KC_PID_FILE")"
if ! kill -0 "$pid" 2>/dev/null; then
  echo "keycloak not running (stale pid $pid)"
  rm -f "$KC_PID_FILE"
  exit 0
fi

# kc.sh traps SIGTERM and forwards it to the JVM, which shuts down gracefully.
kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
  # run.sh started kc.sh with setsid, so its process group (same id) holds kc.sh and its JVM only.
  echo "keycloak (pid $pid) still alive after 30s, sending SIGKILL to its process group"
  kill -KILL -- "-$pid" 2>/dev/null || true
fi
rm -f "$KC_PID_FILE"
echo "keycloak stopped (pid $pid)"
