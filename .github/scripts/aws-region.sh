#!/usr/bin/env bash
# The AWS region the workflow gets its credentials in: the repository variable ROLECALL_AWS_REGION
# when it is set, else `aws.region` of the roles directory's org.yaml (the region rolecall's AWS
# provider uses). Credentials from STS work in every region; this only picks the endpoint, so an
# organisation whose policies deny other regions still gets through.
#
# usage: aws-region.sh   (run after `npm ci`: it reads org.yaml with the project's yaml package)
# environment: ROLECALL_AWS_REGION, ROLES_DIR (default roles), GITHUB_OUTPUT (stdout without it)
# writes: aws-region=REGION; fails when neither names a region
set -euo pipefail

region=${ROLECALL_AWS_REGION:-}
source_name="the repository variable ROLECALL_AWS_REGION"
if [ -z "$region" ]; then
  org="${ROLES_DIR:-roles}/org.yaml"
  source_name="aws.region in $org"
  region=$(ORG="$org" node -e '
    const { readFileSync, existsSync } = require("node:fs");
    const org = process.env.ORG;
    const region = existsSync(org) ? require("yaml").parse(readFileSync(org, "utf8"))?.aws?.region : undefined;
    process.stdout.write(typeof region === "string" ? region : "");
  ')
fi
# The form org.yaml's schema accepts; anything else (a newline above all) never reaches GITHUB_OUTPUT.
if ! [[ "$region" =~ ^[a-z]{2}(-gov)?-[a-z]+-[0-9]$ ]]; then
  echo "::error::no AWS region from $source_name (got '${region//$'\n'/ }'): set the repository variable ROLECALL_AWS_REGION, or aws.region in org.yaml" >&2
  exit 1
fi
echo "aws-region=$region" >> "${GITHUB_OUTPUT:-/dev/stdout}"
