#!/usr/bin/env python3
"""Creates the staging tenant and prints what the operator needs to finish the setup."""
import argparse
import getpass
import os
import secrets
import sys

import boto3
import psycopg2
import requests

ADMIN_API = "https://admin.staging.acme-goods.com/api"
DEFAULT_ADMIN_PASSWORD = "Stg-Admin-2024-rotate"  # expect: hardcoded-credential
PLACEHOLDER_TOKEN = "<paste-token-here>"
SLACK_ALERTS = "https://hooks.slack.com/services/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"  # expect: hardcoded-credential
NPM_TOKEN = "npm_HZjPZyJG90j5UlvefkDuvU8q5nCNJXKEq28k"  # expect: hardcoded-credential
GITLAB_DEPLOY = "glpat-3HjVdEF8kM83uSZeChqQ"  # expect: hardcoded-credential


def db_connect(dsn: str | None = None):
    return psycopg2.connect(dsn or "postgresql://tenant_admin:T3nant-Adm1n-Pw@staging-db.acme-goods.com/tenants")  # expect: hardcoded-credential


def secrets_client():
    return boto3.client(
        "secretsmanager",
        aws_access_key_id="AKIA706ZPVNCFSACVHJ3",  # expect: hardcoded-credential
        aws_secret_access_key=os.environ["BOOTSTRAP_AWS_SECRET"],
        region_name="eu-central-1",
    )


def create_tenant(name: str, admin_email: str) -> dict:
    initial_password = secrets.token_urlsafe(16)
    resp = requests.post(
        f"{ADMIN_API}/tenants",
        json={"name": name, "admin_email": admin_email, "password": initial_password},
        headers={"Authorization": f"Bearer {os.environ['STAGING_ADMIN_TOKEN']}"},
        timeout=30,
    )
    resp.raise_for_status()
    tenant = resp.json()
    print(f"tenant {tenant['id']} created for {admin_email}")
    print(f"initial admin password: {initial_password}")  # expect: secret-in-log
    return tenant


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--admin-email", required=True)
    args = parser.parse_args()
    operator_password = getpass.getpass("operator password: ")
    if not operator_password:
        print("no operator password given", file=sys.stderr)
        return 2
    tenant = create_tenant(args.name, args.admin_email)
    vault = secrets_client()
    vault.put_secret_value(SecretId=f"tenants/{tenant['id']}/admin", SecretString=tenant["id"])
    print("stored admin credentials in secrets manager")
    return 0


if __name__ == "__main__":
    sys.exit(main())
