terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region     = var.region
  access_key = "AKIAZ93QNL6GQR0MZ5LM" # expect: hardcoded-credential
  secret_key = var.aws_secret_key
}

resource "aws_db_instance" "orders" {
  identifier          = "orders-prod"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 100
  username            = "orders_admin"
  password            = "Pg-0rders-Pr0d-2024!" # expect: hardcoded-credential
  skip_final_snapshot = false
}

resource "aws_db_instance" "analytics" {
  identifier        = "analytics-prod"
  engine            = "postgres"
  instance_class    = "db.t4g.large"
  allocated_storage = 200
  username          = "analytics"
  password          = var.analytics_db_password
}

resource "aws_secretsmanager_secret" "stripe" {
  name        = "prod/stripe/secret-key"
  description = "Stripe secret key used by the orders service"
}

resource "aws_ssm_parameter" "slack_token" {
  name  = "/prod/notify/slack-bot-token"
  type  = "SecureString"
  value = "xoxb-508789769108-7875799900607-aDqRO49vUkKwkqgOAaecVNId" # expect: hardcoded-credential
}

resource "aws_ssm_parameter" "sentry_dsn" {
  name  = "/prod/orders/sentry-dsn"
  type  = "String"
  value = "https://4f1c2a9b7e3d4c1a@o123456.ingest.sentry.io/4504"
}

resource "aws_lambda_function" "webhook_relay" {
  function_name = "webhook-relay"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "build/relay.zip"

  environment {
    variables = {
      RELAY_TARGET   = "https://orders.acme-shop.com/webhooks/relay"
      RELAY_SECRET   = "9c2f7e1ab84d4f06b3e5a7c1d2e8f9a0" # expect: hardcoded-credential
      SIGNING_SECRET = var.relay_signing_secret
      LOG_LEVEL      = "info"
    }
  }
}
