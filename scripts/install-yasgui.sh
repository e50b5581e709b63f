#!/usr/bin/env bash
# Install the YASGUI query editor the query page (/query) uses, from the npm registry, at the
# version pinned by web/package-lock.json, and copy its built files into kg/web/static/yasgui/,
# which the app serves itself (no CDN: the page works offline). Idempotent: does nothing when the
# copied files match the lock file. Needs no root when node and npm are present; without them it
# installs Debian's nodejs and npm, which needs root (CI runs it as root).
set -euo pipefail
cd "$(dirname "$0")/.."
WEB=web
DEST=kg/web/static/yasgui
STAMP="$DEST/.lock-sha256"
want="$(sha256sum "$WEB/package-lock.json" | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] \
    && [ -f "$DEST/yasgui.min.js" ] && [ -f "$DEST/yasgui.min.css" ]; then
    exit 0
fi
if ! command -v npm >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        echo "Error: installing YASGUI needs node and npm (apt-get install nodejs npm, as root)" >&2
        exit 2
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -q
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends nodejs npm
fi
# --ignore-scripts: nothing from the registry runs here; the package ships its built files.
(cd "$WEB" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
BUILD="$WEB/node_modules/@zazuko/yasgui/build"
tmp="$(mktemp -d "kg/web/static/.yasgui.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cp "$BUILD/yasgui.min.js" "$BUILD/yasgui.min.js.map" "$BUILD/yasgui.min.css" "$tmp/"
cp "$WEB/node_modules/@zazuko/yasgui/package.json" "$tmp/package.json"
echo "$want" >"$tmp/.lock-sha256"
chmod 755 "$tmp"
rm -rf "$DEST"
mv "$tmp" "$DEST"
trap - EXIT
echo "YASGUI $(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$DEST/package.json") installed in $DEST" >&2
