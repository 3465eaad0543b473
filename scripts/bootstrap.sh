#!/usr/bin/env bash
# Makes a fresh clone ready to run: the pinned pnpm, the node modules, and the Temporal binaries.
# Idempotent and quick when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  # corepack fails npm's signature check on some machines; a global install of the pinned version does not.
  echo "Installing pnpm $pnpm_version ..."
  npm install --global --silent "pnpm@$pnpm_version"
fi

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install --prefer-offline
fi

bash scripts/install-temporal.sh
