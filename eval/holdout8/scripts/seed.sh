#!/usr/bin/env bash
set -euo pipefail
export ADMIN_EMAIL=admin@example.com
export ADMIN_PASSWORD='Adm1nSeedPw2024x' # expect: hardcoded-credential
export API_TOKEN="${API_TOKEN:-}"
export SEED_TOKEN_URL=https://auth.example.com/token
curl -fsS -X POST "https://api.example.com/admin/seed" -H "Authorization: Bearer ${API_TOKEN}"
