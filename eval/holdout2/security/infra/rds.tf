terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAPLAO4AG3HR1T4UB2"  # expect: hardcoded-credential
  secret_key = "RQbQSS6GPBQwqi+ZrWBTVHVo+Lj4iCSpzXYmD56a"  # expect: hardcoded-credential
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Rds-Prod-88!kq"  # expect: hardcoded-credential
}

variable "replica_password" {
  type      = string
  sensitive = true
}

variable "master_password_secret_name" {
  type    = string
  default = "prod/orders/rds-master"
}

variable "api_token_ttl" {
  type    = string
  default = "3600s"
}

resource "random_password" "reporting" {
  length  = 32
  special = true
}

resource "aws_db_instance" "orders" {
  identifier        = "orders-prod"
  engine            = "postgres"
  engine_version    = "16.2"
  instance_class    = "db.r6g.large"
  allocated_storage = 200
  username          = "orders_admin"
  password          = var.db_password
  skip_final_snapshot = false
}

resource "aws_db_instance" "reporting" {
  identifier     = "reporting-prod"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  username       = "reporting"
  password       = random_password.reporting.result
}

resource "aws_db_instance" "analytics" {
  identifier     = "analytics-prod"
  engine         = "mysql"
  instance_class = "db.t4g.medium"
  username       = "analytics"
  password       = "An4lyt1cs-Db-2024"  # expect: hardcoded-credential
}

resource "aws_secretsmanager_secret" "grafana" {
  name = "prod/grafana/admin"
}

resource "aws_secretsmanager_secret_version" "grafana" {
  secret_id     = aws_secretsmanager_secret.grafana.id
  secret_string = jsonencode({ username = "admin", password = "${var.replica_password}" })
}

resource "aws_ssm_parameter" "datadog" {
  name  = "/prod/datadog/api-key"
  type  = "SecureString"
  value = "dd-api-key-goes-here"
}
