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
  access_key = "AKIA26MTCQFQCAPL6DE4" # expect: hardcoded-credential
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
  default   = "Tf-0rders-Db-Pw-9931" # expect: hardcoded-credential
}

variable "api_token" {
  type      = string
  sensitive = true
}

variable "db_password_parameter" {
  type    = string
  default = "/orders/prod/db-password"
}

resource "random_password" "replica" {
  length  = 32
  special = true
}

resource "aws_db_instance" "orders" {
  identifier        = "orders-prod"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "orders"
  password          = var.db_password
}

resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.orders.identifier
  instance_class      = "db.t4g.medium"
  password            = random_password.replica.result
}

resource "aws_ssm_parameter" "api_token" {
  name  = "/orders/prod/api-token"
  type  = "SecureString"
  value = var.api_token
}
