#!/usr/bin/env bash
set -euo pipefail

export RELEASE_API_URL="https://releases.acme.dev/api"
export RELEASE_API_KEY="rk_9Tq4Wz7Lm2Xv5Nb8" # expect: hardcoded-credential
export GH_TOKEN="${GH_TOKEN:-}"

curl --fail --max-time 10 -sS -X POST "$RELEASE_API_URL/releases" \
  -H "x-api-key: $RELEASE_API_KEY" \
  -d "{\"tag\": \"${GITHUB_REF_NAME}\"}"

curl --fail --max-time 10 -sS -X POST https://slack.com/api/chat.postMessage \
  -H "Authorization: Bearer ${SLACK_BOT_TOKEN}" \
  -d "channel=${RELEASE_CHANNEL}" -d "text=Released ${GITHUB_REF_NAME}"
