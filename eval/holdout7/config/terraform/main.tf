variable "db_password" {
  type      = string
  sensitive = true
  default   = "Tf-Pr0d-Db-2026!" # expect: hardcoded-credential
}

variable "db_username" {
  type    = string
  default = "payments_app"
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "payments" {
  identifier     = "payments-prod"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  username       = var.db_username
  password       = var.db_password
}

resource "aws_secretsmanager_secret_version" "datadog" {
  secret_id     = aws_secretsmanager_secret.datadog.id
  secret_string = jsonencode({ api_key = var.datadog_api_key })
}

provider "datadog" {
  api_key = "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c" # expect: hardcoded-credential
  app_key = var.datadog_app_key
}
