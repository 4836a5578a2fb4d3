terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region     = var.region
  access_key = "AKIAHKBZFUO2KPHG3V2H" # expect: hardcoded-credential
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
  default   = "Rds-M4ster-Pa55-2025" # expect: hardcoded-credential
}

variable "db_password_ssm_path" {
  type    = string
  default = "/orders/prod/db-password"
}

resource "aws_db_instance" "orders" {
  identifier          = "orders-prod"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  username            = "orders"
  password            = var.db_password
  skip_final_snapshot = false
}

resource "aws_ssm_parameter" "stripe" {
  name  = "/orders/prod/stripe-secret-key"
  type  = "SecureString"
  value = "sk_live_20GHy4c6TLvY7SqqQuIG7HSLOmijVLISQiGtZpUM" # expect: hardcoded-credential
}

resource "aws_secretsmanager_secret_version" "partner" {
  secret_id     = "orders/prod/partner"
  secret_string = jsonencode({ client_secret = "CHANGE_ME" })
}
