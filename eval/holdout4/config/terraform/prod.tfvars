region          = "eu-west-1"
environment     = "prod"
db_username     = "payments"
db_password     = "Tf-pr0d-Secr3t-88x" # expect: hardcoded-credential
datadog_api_key = "3f9a1c7e5b2d4068a1c3e5f7b9d2a4c6" # expect: hardcoded-credential
kms_key_id      = "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
token_ttl       = 3600
