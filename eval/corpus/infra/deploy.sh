#!/usr/bin/env bash
set -euo pipefail

export AWS_REGION=eu-west-1
export DOCKER_REGISTRY=123456789012.dkr.ecr.eu-west-1.amazonaws.com
export SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MTI0ODk2MDB9_q2B7vK9pL3mX8rT1wZ5yN6cF4hJ0dG # expect: hardcoded-credential
export DEPLOY_WEBHOOK_SECRET="${DEPLOY_WEBHOOK_SECRET:-}"
export NPM_TOKEN="$NPM_TOKEN"
export GRAFANA_PASSWORD=changeme
export SLACK_DEPLOY_HOOK=https://hooks.slack.com/services/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 # expect: hardcoded-credential

TAG="$(git rev-parse --short HEAD)"

aws ecr get-login-password | docker login --username AWS --password-stdin "$DOCKER_REGISTRY"
docker build --build-arg NPM_TOKEN="$NPM_TOKEN" -t "$DOCKER_REGISTRY/orders:$TAG" ../express-orders
docker push "$DOCKER_REGISTRY/orders:$TAG"

kubectl set image deployment/orders orders="$DOCKER_REGISTRY/orders:$TAG"
kubectl rollout status deployment/orders --timeout=180s

curl -fsS -X POST -H 'content-type: application/json' \
  --data "{\"text\":\"orders $TAG deployed\"}" "$SLACK_DEPLOY_HOOK"
