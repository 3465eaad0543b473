#!/usr/bin/env bash
# The scale-out runs on this machine: builds the Temporal server (scripts/install-temporal-server.sh),
# checks out the previous release beside this one for the rolling deploy, and runs the scenarios of
# apps/worker/bench/cluster (bench, crash, deploy; all by default) on the server with PostgreSQL.
#   scripts/cluster.sh [bench] [crash] [deploy]
# PREVIOUS_RELEASE (a git revision; default: the last commit before the journey-quiet-stages patch)
# is what the rolling deploy starts from. Needs Go for the server build; takes about ten minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/install-temporal-server.sh

revision=${PREVIOUS_RELEASE:-7e11b74}
previous=.data/previous-release
if [ "$(git -C "$previous" rev-parse HEAD 2>/dev/null || true)" != "$(git rev-parse "$revision^{commit}")" ]; then
  rm -rf "$previous"
  git worktree prune
  git worktree add --force --detach "$previous" "$revision" >/dev/null
fi
pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
(cd "$previous" && npx --yes "pnpm@$pnpm_version" install --frozen-lockfile --prefer-offline >/dev/null)

CROSSWISE_PREVIOUS_RELEASE="$PWD/$previous" npx --yes "pnpm@$pnpm_version" --filter @crosswise/worker exec tsx bench/cluster/cluster.ts "$@"
