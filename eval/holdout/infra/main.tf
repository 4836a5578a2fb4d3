terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region     = var.region
  access_key = "AKIA70TQ99DNSC26ELK7" # expect: hardcoded-credential
  secret_key = var.aws_secret_key
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Tf-prod-Db-8823!x" # expect: hardcoded-credential
}

variable "api_token_ttl" {
  type    = number
  default = 3600
}

variable "datadog_api_key" {
  type    = string
  default = ""
}

resource "aws_db_instance" "main" {
  identifier        = "gateway-prod"
  engine            = "postgres"
  engine_version    = "16.2"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "gateway"
  password          = var.db_password
  skip_final_snapshot = false
}

resource "aws_secretsmanager_secret" "stripe" {
  name = "prod/gateway/stripe"
}

resource "aws_secretsmanager_secret_version" "stripe" {
  secret_id     = aws_secretsmanager_secret.stripe.id
  secret_string = jsonencode({ secret_key = "sk_live_TvmL8oP73MqcTf9D1Yo7pF0xEmZV" }) # expect: hardcoded-credential
}

resource "aws_ssm_parameter" "slack" {
  name  = "/gateway/slack/token"
  type  = "SecureString"
  value = "REPLACE_ME"
}

resource "aws_lambda_function" "order_events" {
  function_name = "order-events"
  runtime       = "nodejs20.x"
  handler       = "handler.placed"
  filename      = "build/order-events.zip"
  role          = aws_iam_role.lambda.arn

  environment {
    variables = {
      ORDER_TOPIC_ARN     = aws_sns_topic.orders.arn
      FRAUDSHIELD_API_KEY = "fs_live_4f8a2c9e1b7d3f6a0c5e8b2d" # expect: hardcoded-credential
      LOG_LEVEL           = "info"
    }
  }
}
