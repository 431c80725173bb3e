#!/usr/bin/env bash
# Fetches the pinned Keycloak distribution from Maven Central (through mvn, the only route this
# project's machines have) into the git-ignored .keycloak/ cache. Does nothing when already there.
set -euo pipefail
# shellcheck source=scripts/keycloak/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [ -x "$KC_HOME/bin/kc.sh" ]; then
  echo "keycloak $KEYCLOAK_VERSION already in $KC_HOME"
  exit 0
fi

mkdir -p "$KC_CACHE_DIR"
if [ ! -s "$KC_ZIP" ]; then
  echo "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip with mvn…"
  mvn -q -B -Dstyle.color=never dependency:copy \
    "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    "-DoutputDirectory=$KC_CACHE_DIR"
fi

# Unpack into a temporary folder first so an interrupted unzip never looks like a usable install.
rm -rf "$KC_CACHE_DIR/unpack.tmp"
unzip -q "$KC_ZIP" -d "$KC_CACHE_DIR/unpack.tmp"
rm -rf "$KC_HOME"
mv "$KC_CACHE_DIR/unpack.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
rm -rf "$KC_CACHE_DIR/unpack.tmp"
echo "keycloak $KEYCLOAK_VERSION ready in $KC_HOME"
