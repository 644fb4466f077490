#!/usr/bin/env bash
# Whether a pull request can change access, from the files it changes since BASE (three dots: since
# the merge base, so commits that landed on the target branch meanwhile are not counted).
#
# usage: access-changes.sh BASE
# environment: ROLES_DIR (default roles), GITHUB_OUTPUT (where the answers go; stdout without it)
# writes:
#   roles=true|false   a file under the roles directory changed: the access diff shows what it does
#   code=true|false    the code or configuration that turns the roles into access changed (src/,
#                      stacks/, bin/, package.json, package-lock.json, cdktf.json, tsconfig.json, the
#                      workflows and their scripts): both sides of the diff are built by the head's
#                      code, so only the plan shows what such a change does
#   access=true|false  either of them
# When git cannot tell (a base it does not have), every answer is true: the check then does all its work.
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: access-changes.sh BASE" >&2
  exit 2
fi
base=$1
roles_dir=${ROLES_DIR:-roles}
roles_dir=${roles_dir%/}
out=${GITHUB_OUTPUT:-/dev/stdout}
list=$(mktemp)
trap 'rm -f "$list"' EXIT

# -z: names as they are, not quoted the way git quotes unusual characters.
if ! git diff --name-only --no-renames -z "$base...HEAD" > "$list"; then
  echo "::warning::cannot list the files changed since $base: treating access as changed"
  printf 'roles=true\ncode=true\naccess=true\n' >> "$out"
  exit 0
fi

roles=false
code=false
while IFS= read -r -d '' file; do
  case "$file" in
    "$roles_dir"/*) roles=true ;;
    src/* | stacks/* | bin/* | package.json | package-lock.json | cdktf.json | tsconfig.json | .github/workflows/* | .github/scripts/*) code=true ;;
  esac
done < "$list"
access=false
if [ "$roles" = true ] || [ "$code" = true ]; then access=true; fi

echo "changed since $base: roles directory $roles, code and configuration $code" >&2
printf 'roles=%s\ncode=%s\naccess=%s\n' "$roles" "$code" "$access" >> "$out"
