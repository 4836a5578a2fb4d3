#!/usr/bin/env bash
set -euo pipefail

export PGHOST=staging-db.acme-prod.com
export PGUSER=seed
export SEED_DB_PASSWORD='St4g1ng-Seed-Pw-2025' # expect: hardcoded-credential
export API_TOKEN="${STAGING_API_TOKEN:?set STAGING_API_TOKEN}"
export ADMIN_PASSWORD=changeme
export GH_TOKEN=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 # expect: hardcoded-credential

PGPASSWORD="$SEED_DB_PASSWORD" psql -f ./seed/orders.sql
curl -fsS -H "authorization: Bearer ${API_TOKEN}" https://staging.acme-prod.com/api/admin/reindex
gh release download --repo acme/fixtures --pattern '*.sql.gz'
