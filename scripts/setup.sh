#!/usr/bin/env bash
# Prepare this checkout on a fresh machine: a virtual environment in .venv with the pinned packages,
# and (for the tests) Debian's Chromium. Safe to run again: it only installs what changed.
#   scripts/setup.sh app    packages the app needs
#   scripts/setup.sh test   the app's packages, the test packages and Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-app}"
python="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    "$python" -m venv .venv
fi

req=requirements.txt
[ "$what" = test ] && req=requirements-test.txt
stamp=".venv/.installed-$(basename "$req" .txt)"
if [ ! -f "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ "$req" -nt "$stamp" ]; then
    echo "setup: installing $req"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
    touch "$stamp"
fi

if [ "$what" = test ] && [ ! -x /usr/bin/chromium ]; then
    echo "setup: installing Chromium from Debian (for the browser tests)"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
    [ -x /usr/bin/chromium ] || { echo "setup: Chromium did not install; the browser tests need /usr/bin/chromium" >&2; exit 1; }
fi

# axe-core (the accessibility engine tests/test_a11y_axe.py injects into every page), pinned in
# package-lock.json. Test-only: the app never loads it. Node.js from Debian (/usr/bin/node, npm).
if [ "$what" = test ]; then
    if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        if ! command -v npm >/dev/null; then
            echo "setup: installing Node.js and npm from Debian (for the accessibility tests)"
            if [ "$(id -u)" = 0 ]; then
                apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
            else
                sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
            fi
        fi
        echo "setup: npm ci (axe-core for the accessibility tests)"
        npm ci --no-audit --no-fund --loglevel=error
    fi
fi
