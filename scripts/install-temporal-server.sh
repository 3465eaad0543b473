#!/usr/bin/env bash
# Builds the full Temporal server (the binary a production cluster runs, with SQL persistence) and its
# SQL schema tool from the Go module proxy into .tools/temporal-server, with the PostgreSQL schema
# folders they need. Only for the scale-out runs (scripts/cluster.sh); the default stack uses the
# Temporal CLI's dev server. Needs Go; GOTOOLCHAIN=auto fetches the Go release the server asks for.
# Takes about five minutes on two cores; does nothing when the pinned version is present.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.32.2
dir=.tools/temporal-server
stamp="$dir/.installed-$version"

if [ -f "$stamp" ] && [ -x "$dir/bin/server" ] && [ -x "$dir/bin/sql" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: Go is needed to build the Temporal server $version (https://go.dev/dl/)." >&2
  exit 1
fi

echo "Building the Temporal server $version and its SQL tool into $dir (a few minutes) ..."
mkdir -p "$dir/bin"
CGO_ENABLED=0 GOTOOLCHAIN=auto GOBIN="$PWD/$dir/bin" \
  go install "go.temporal.io/server/cmd/server@$version" "go.temporal.io/server/cmd/tools/sql@$version"
module="$(go env GOMODCACHE)/go.temporal.io/server@$version"
rm -rf "$dir/schema"
mkdir -p "$dir/schema"
cp -r "$module/schema/postgresql" "$dir/schema/"
chmod -R u+w "$dir/schema"
"$dir/bin/server" --version
touch "$stamp"
