#!/usr/bin/env bash
# One comment per pull request and marker, updated in place on every push: the "sticky comment" of
# rolecall's access-review workflow (the diff and the plan summary each have their own marker).
#
# usage: sticky-comment.sh MARKER BODY_FILE
#   MARKER     the comment's first line, e.g. '<!-- rolecall-diff -->'; prepended to the body when the
#              body does not start with it, so the next run finds the comment again
#   BODY_FILE  the Markdown to post
# environment:
#   GH_TOKEN, REPO (owner/name), PR (number)   required; the token needs pull-requests: write
#   COMMENT_AUTHOR   whose comment is updated (default github-actions[bot], the workflow token's login):
#                    a comment anyone else wrote with the same marker is never touched
#   STICKY_UPDATE_ONLY=1   update an existing comment, but post none when there is none (for a
#                    "nothing to show" body that must replace a stale comment without adding noise)
#
# A body over GitHub's limit of 65,536 characters per comment is cut at the last line that fits, with
# a line saying the rest is in the job summary: the renderers stay under the limit, this is the net.
# https://docs.github.com/en/rest/issues/comments#create-an-issue-comment (the API answers 422 past it)
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: sticky-comment.sh MARKER BODY_FILE" >&2
  exit 2
fi
marker=$1
body_file=$2
: "${GH_TOKEN:?GH_TOKEN must be set}" "${REPO:?REPO must be set (owner/name)}" "${PR:?PR must be set (the pull request number)}"
author=${COMMENT_AUTHOR:-github-actions[bot]}
[ -n "$marker" ] || { echo "sticky-comment.sh: the marker is empty" >&2; exit 2; }
[ -f "$body_file" ] || { echo "sticky-comment.sh: no body file $body_file" >&2; exit 2; }

limit=65536
run_url=""
if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_RUN_ID:-}" ]; then
  run_url=" of $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"
fi
note="_This comment was cut at GitHub's limit of $limit characters: the rest is in the job summary$run_url._"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# jq counts characters (code points), as GitHub does, not bytes. The marker goes first, then the cut
# keeps whole lines and leaves room for the note.
jq -Rsj --arg marker "$marker" --arg note "$note" --argjson limit "$limit" '
  (if startswith($marker) then . else $marker + "\n" + . end) as $body
  | if ($body | length) <= $limit then $body
    else $body[0:($limit - ($note | length) - 3)] | sub("\n[^\n]*$"; "") + "\n\n" + $note + "\n"
    end
  | {body: .}' "$body_file" > "$work/payload.json"

# Every page of comments; the first of the author's own that starts with the marker is the one.
gh api "repos/$REPO/issues/$PR/comments" --paginate > "$work/comments.json"
id=$(jq -r --arg marker "$marker" --arg author "$author" \
  '.[] | select(.user.login == $author and ((.body // "") | startswith($marker))) | .id' "$work/comments.json" | sed -n 1p)

if [ -n "$id" ]; then
  gh api --method PATCH "repos/$REPO/issues/comments/$id" --input "$work/payload.json" > /dev/null
  echo "updated comment $id"
elif [ "${STICKY_UPDATE_ONLY:-}" = 1 ]; then
  echo "no comment to update, none posted (STICKY_UPDATE_ONLY=1)"
else
  gh api --method POST "repos/$REPO/issues/$PR/comments" --input "$work/payload.json" > /dev/null
  echo "posted a comment"
fi
