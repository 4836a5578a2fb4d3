#!/usr/bin/env bash
# Bootstraps a fresh staging namespace. Run from the repo root.
set -euo pipefail

export AWS_REGION="eu-west-1"
export AWS_PROFILE="acme-staging"
export STAGING_DB_PASSWORD='Stg-Db-Boot-4410'  # expect: hardcoded-credential
export GRAFANA_ADMIN_PASSWORD="${GRAFANA_ADMIN_PASSWORD:-}"
export VAULT_TOKEN="$(vault print token)"
export CI_JOB_TOKEN=CI_JOB_TOKEN
export SENDGRID_API_KEY=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  # expect: hardcoded-credential
export TOKEN_REFRESH_URL="https://login.acme.io/oauth/token"

echo "Creating namespace..."
kubectl create namespace staging --dry-run=client -o yaml | kubectl apply -f -

kubectl -n staging create secret generic api-secrets \
  --from-literal=db-password="${STAGING_DB_PASSWORD}" \
  --dry-run=client -o yaml | kubectl apply -f -

# Register the deploy key with GitHub (temporary, rotate after bootstrap)
GH_HEADER="Authorization: Bearer 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"  # expect: hardcoded-credential
curl -sf -X POST https://api.github.com/repos/acme/platform/keys \
  -H "Accept: application/vnd.github+json" \
  -H "$GH_HEADER" \
  -d @deploy-key.json

psql "postgres://bootstrap:${STAGING_DB_PASSWORD}@staging-db.acme-internal.net:5432/postgres" -f sql/bootstrap.sql
echo "done"
