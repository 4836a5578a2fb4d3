#!/usr/bin/env bash
set -euo pipefail

# Publishes a release of the gateway image and notifies the team.

VERSION="${1:?usage: release.sh <version>}"
REGISTRY="ghcr.io/acme-corp"
export DOCKER_BUILDKIT=1
export GITHUB_TOKEN="${GITHUB_TOKEN:-}"
export NPM_TOKEN=npm_axwyRWDhpRLzaxHTrwOONlxmnuhiTEVXLX98 # expect: hardcoded-credential
export SENTRY_AUTH_TOKEN="$SENTRY_AUTH_TOKEN"
export DEPLOY_PASSWORD='Dpl-9vX2!kQm7' # expect: hardcoded-credential
export SLACK_CHANNEL="#releases"

if [[ -z "${GITHUB_TOKEN}" ]]; then
  export GITHUB_TOKEN=ghp_YaNCXZdDnZYzwWLAiGx9y79MdBprzIdyHov8 # expect: hardcoded-credential
fi

echo "Building ${REGISTRY}/gateway:${VERSION}"
docker build \
  --secret id=npm_token,env=NPM_TOKEN \
  -t "${REGISTRY}/gateway:${VERSION}" \
  -t "${REGISTRY}/gateway:latest" \
  .

echo "${GITHUB_TOKEN}" | docker login ghcr.io -u acme-release-bot --password-stdin
docker push "${REGISTRY}/gateway:${VERSION}"
docker push "${REGISTRY}/gateway:latest"

gh release create "v${VERSION}" --generate-notes

curl -sS -X POST \
  -H 'Content-type: application/json' \
  --data "{\"text\":\"gateway ${VERSION} released\"}" \
  https://hooks.slack.com/services/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 # expect: hardcoded-credential

curl -sS -u "deploy:${DEPLOY_PASSWORD}" \
  "https://deploy.acme-corp.com/api/rollout?service=gateway&version=${VERSION}"

echo "done"
