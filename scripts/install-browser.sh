#!/usr/bin/env bash
# Install the headless browser the page tests drive: Debian's chromium and its chromedriver.
# Run as root on a fresh Debian machine (CI runs it); does nothing when both are present.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "Error: installing chromium needs root (or install chromium and chromium-driver)" >&2
    exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -q
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
    chromium chromium-driver fonts-dejavu-core
