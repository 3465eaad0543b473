#!/usr/bin/env bash
# Makes a fresh clone ready to run: the node modules (through the pinned pnpm), the Temporal
# binaries and the dashboard's build. Idempotent and quick when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
pnpm() {
  if [ "$(command pnpm --version 2>/dev/null || true)" = "$pnpm_version" ]; then
    command pnpm "$@"
  else
    # corepack fails npm's signature check on some machines; npx fetches the pinned pnpm instead.
    npx --yes "pnpm@$pnpm_version" "$@"
  fi
}

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install --prefer-offline
fi

bash scripts/install-temporal.sh

# The dashboard the API serves (a second or two with Vite).
pnpm --filter @crosswise/dashboard build >/dev/null
