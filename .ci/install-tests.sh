#!/usr/bin/env bash
# The ways in that the README documents, each tried as a user would, from this clone's committed HEAD:
#   1. the tarball `npm pack` makes, installed into an empty prefix with production dependencies only;
#   2. `npm install git+file://…#<release tag>`, the tag that `npm run release` makes;
#   3. the pre-commit hook, installed by real pre-commit from a file:// repository URL, at HEAD and at
#      the release tag.
# Each install must lint a draft with a placeholder (exit 1) and a clean document (exit 0).
# Usage: bash .ci/install-tests.sh   (needs npm; the pre-commit part is skipped when pre-commit is missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
head="$(git -C "$root" rev-parse HEAD)"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

mkdir -p "$work/docs"
printf '关于某镇2024年上半年工作总结\n一、主要成效\n新建道路XX公里。\n二、存在问题\n资金不足。\n' >"$work/docs/draft.txt"
printf '关于城关镇2024年上半年工作总结\n一、主要成效\n新建道路12公里。\n二、存在问题\n资金不足。\n' >"$work/docs/clean.txt"

fail() { echo "install-tests: $*" >&2; exit 1; }

# quiet CMD...: run CMD with its output in a log, shown (the end of it) only when CMD fails.
quiet() { "$@" >"$work/log" 2>&1 || { tail -40 "$work/log" >&2; fail "failed: $*"; }; }

# expect STATUS CMD...: run CMD, require exit STATUS; the output is kept in $work/out.
expect() {
  local want="$1"; shift
  set +e; "$@" >"$work/out" 2>&1; local got=$?; set -e
  if [ "$got" != "$want" ]; then cat "$work/out" >&2; fail "expected exit $want, got $got: $*"; fi
}

check_cli() { # check_cli LABEL BIN
  local label="$1" bin="$2"
  expect 1 "$bin" "$work/docs/draft.txt"
  grep -q 'no-placeholder' "$work/out" || { cat "$work/out" >&2; fail "$label: no placeholder finding"; }
  expect 0 "$bin" "$work/docs/clean.txt"
  expect 0 "$bin" --version
  echo "install-tests: $label: ok ($(cat "$work/out"))"
}

# The release (`npm run release`) of HEAD, made in a clone that borrows this one's node_modules.
started=$SECONDS
git clone -q "$root" "$work/origin"
ln -s "$root/node_modules" "$work/origin/node_modules"
(cd "$work/origin" && quiet npm run --silent release)
version="$(node -p "require('$root/package.json').version")"
tarball="$work/origin/release/gongwen-lint-$version.tgz"
page="$work/origin/release/gongwen-lint-$version.html"
[ -s "$page" ] || fail "the release has no web page"
echo "install-tests: npm run release: ok ($((SECONDS - started)) s)"

# 1. The tarball, into an empty prefix: a global install takes production dependencies only.
started=$SECONDS
tar -tzf "$tarball" >"$work/contents"
grep -qx 'package/dist/web/index.html' "$work/contents" || fail "the tarball has no web page"
! grep -q '^package/\(src\|test\|node_modules\)/' "$work/contents" || fail "the tarball carries sources or tests"
quiet npm install -g --prefix "$work/tar-prefix" --prefer-offline "$tarball"
[ ! -e "$work/tar-prefix/lib/node_modules/gongwen-lint/node_modules/esbuild" ] || fail "the tarball install pulled dev dependencies"
check_cli "npm pack tarball ($((SECONDS - started)) s)" "$work/tar-prefix/bin/gongwen-lint"

# 2. From git at the release tag, which carries dist/ and no prepare script, as a project's dependency.
#    (npm 11's *global* install from git links the package to a temporary clone it then deletes,
#    npm/cli#3692: the README gives the tarball for a global install.)
started=$SECONDS
mkdir "$work/project" && printf '{ "name": "project", "private": true }\n' >"$work/project/package.json"
(cd "$work/project" && quiet npm install --prefer-offline "git+file://$work/origin#v$version")
[ ! -e "$work/project/node_modules/esbuild" ] || fail "the git install pulled dev dependencies"
check_cli "npm install git+file://…#v$version ($((SECONDS - started)) s)" "$work/project/node_modules/.bin/gongwen-lint"

# 3. pre-commit, from a repository URL, on a temporary repository.
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "install-tests: pre-commit: skipped (pre-commit is not installed)"
  exit 0
fi
export PRE_COMMIT_HOME="$work/pre-commit-home"
# At HEAD pre-commit installs the dev dependencies and builds; at the release tag it only packs.
for rev in "$head" "v$version"; do
  started=$SECONDS
  repo="$work/repo-$rev"
  mkdir "$repo" && git -C "$repo" init -q
  cp "$work/docs/draft.txt" "$repo/总结.txt"
  printf 'repos:\n  - repo: file://%s\n    rev: %s\n    hooks:\n      - id: gongwen-lint\n' "$work/origin" "$rev" >"$repo/.pre-commit-config.yaml"
  git -C "$repo" add -A
  (cd "$repo" && expect 1 pre-commit run --all-files)
  grep -q 'no-placeholder' "$work/out" || { cat "$work/out" >&2; fail "pre-commit at $rev: no placeholder finding"; }
  cp "$work/docs/clean.txt" "$repo/总结.txt" && git -C "$repo" add -A
  (cd "$repo" && expect 0 pre-commit run --all-files)
  echo "install-tests: pre-commit $(pre-commit --version | cut -d' ' -f2) hook at $rev: ok ($((SECONDS - started)) s)"
done
