#!/usr/bin/env bash
# The ways in that the README documents, each tried as a user would, from this clone's committed HEAD:
#   1. the tarball `npm pack` makes, installed into an empty prefix with production dependencies only;
#   2. `npm install git+file://…#<release tag>`, the tag that `npm run release` makes, and
#      `npm install -g --install-links git+file://…` at HEAD (built by prepare);
#   3. the pre-commit hook, installed by real pre-commit from a file:// repository URL, at HEAD and at
#      the release tag;
#   4. the GitHub Action at the release tag: the run steps of action.yml, as the runner would run them.
# Each install must lint a draft with a placeholder (exit 1) and a clean document (exit 0), and every
# package the npm installs put in place must accept the lowest Node version engines allows.
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

# engines FOLDER: every package installed under FOLDER (a node_modules) accepts the lowest Node version
# that package.json's engines allows (these installs resolve dependencies afresh, not from the lockfile).
engines() { node "$root/.ci/installed-engines.mjs" "$1" "$root/node_modules/semver" "$(node -p "require('$root/package.json').engines.node")" >/dev/null || fail "engines: $1"; }

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
engines "$work/tar-prefix/lib/node_modules"
check_cli "npm pack tarball ($((SECONDS - started)) s)" "$work/tar-prefix/bin/gongwen-lint"

# 2. From git at the release tag, which carries dist/ and no prepare script, as a dependency of a
#    documents' repository that has no package.json yet (the README's and the GitLab snippet's command).
#    (npm 11's *global* install from git links the package to a temporary clone it then deletes,
#    npm/cli#3692: the README gives the tarball for a global install.)
started=$SECONDS
mkdir "$work/project"
(cd "$work/project" && quiet npm install --save-dev --prefer-offline "git+file://$work/origin#v$version")
[ ! -e "$work/project/node_modules/esbuild" ] || fail "the git install pulled dev dependencies"
engines "$work/project/node_modules"
check_cli "npm install git+file://…#v$version ($((SECONDS - started)) s)" "$work/project/node_modules/.bin/gongwen-lint"

# 2b. Globally from git at HEAD, which has no dist/: npm runs prepare, whose inner install of the
#     dependencies inherits the global flag (so prepare installs the build tools into the clone itself).
#     --install-links: without it npm 11 links the package to the temporary clone it then deletes
#     (npm/cli#3692).
started=$SECONDS
quiet npm install -g --install-links --prefix "$work/git-prefix" --prefer-offline "git+file://$work/origin#$head"
[ ! -L "$work/git-prefix/lib/node_modules/gongwen-lint" ] || fail "the global git install is a link to npm's temporary clone"
[ ! -e "$work/git-prefix/lib/node_modules/gongwen-lint/node_modules/esbuild" ] || fail "the global git install kept dev dependencies"
engines "$work/git-prefix/lib/node_modules"
check_cli "npm install -g --install-links git+file://… at HEAD ($((SECONDS - started)) s)" "$work/git-prefix/bin/gongwen-lint"

# 4. The GitHub Action at the release tag: its install, lint and result steps from action.yml, run by
#    bash as the runner runs them (the upload step is GitHub's own action), on a small repository.
started=$SECONDS
action="$work/action"
git clone -q "$work/origin" "$action" && git -C "$action" checkout -q "v$version"
step() { node -e 'const a = require(process.argv[1]).parse(require("fs").readFileSync(process.argv[2], "utf8"));
  process.stdout.write(a.runs.steps.find((s) => s.name === process.argv[3]).run)' "$root/node_modules/yaml" "$action/action.yml" "$1"; }
(cd "$action" && npm_config_prefer_offline=true quiet bash -eo pipefail -c "$(step 'Install gongwen-lint')")
for dev in esbuild vite vitest; do [ ! -e "$action/node_modules/$dev" ] || fail "the action installed the dev dependency $dev"; done
installed=$((SECONDS - started))
site="$work/site" && mkdir -p "$site/文稿" && cp "$work/docs/draft.txt" "$work/docs/clean.txt" "$site/文稿/"
: >"$work/gh-output"
lint_ms=$(date +%s%3N)
(cd "$site" && GITHUB_ACTION_PATH="$action" GITHUB_OUTPUT="$work/gh-output" GWL_PATHS=文稿/ GWL_CHANGED_SINCE= GWL_ARGS= \
  GWL_SARIF=gongwen-lint.sarif GWL_UPLOAD=true quiet bash -eo pipefail -c "$(step Lint)")
lint_ms=$(($(date +%s%3N) - lint_ms))
grep -qx 'exit-code=1' "$work/gh-output" || { cat "$work/gh-output" >&2; fail "action: the lint step's exit-code is not 1"; }
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0].results;
  if (!r.some((x) => x.ruleId === "no-placeholder" && /draft\.txt$/.test(x.locations[0].physicalLocation.artifactLocation.uri))) process.exit(1)' \
  "$site/gongwen-lint.sarif" || fail "action: the SARIF report has no placeholder finding in the draft"
expect 1 env GWL_STATUS=1 GWL_FAIL=true bash -c "$(step Result)"
expect 0 env GWL_STATUS=1 GWL_FAIL=false bash -c "$(step Result)"
expect 2 env GWL_STATUS=2 GWL_FAIL=false bash -c "$(step Result)"
echo "install-tests: action.yml at v$version: ok (install $installed s, lint step $lint_ms ms)"

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
