#!/usr/bin/env bash
# Refreshes the embedded Kemendagri area data from the idn-area-data npm package (ODbL).
# Usage: scripts/update-area-data.sh [VERSION]   (default: the version recorded below)
set -euo pipefail
version="${1:-4.0.1}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="$repo/src/Lindung.Domain/Areas/Data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "idn-area-data@$version" >/dev/null && tar xzf idn-area-data-*.tgz)
for level in provinces regencies districts villages; do
  gzip -9nc "$work/package/data/$level.csv" > "$target/$level.csv.gz"
done
cp "$work/package/data/LICENSE.md" "$target/LICENSE-ODbL.md"
echo "idn-area-data $version" > "$target/VERSION"
echo "Area data updated to idn-area-data $version. Run the tests: counts per level are asserted."
