variable "db_password" {
  type      = string
  sensitive = true
}

variable "sentry_auth_token" {
  type    = string
  default = "sntrys_eyJpYXQiOjE3MDAwMDAwMDAsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIn0" # expect: hardcoded-credential
}

variable "admin_password" {
  type    = string
  default = "changeme"
}

variable "token_expiry_hours" {
  type    = number
  default = 24
}

resource "aws_db_instance" "payments" {
  identifier        = "payments-prod"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  username          = "payments"
  password          = var.db_password
  allocated_storage = 50
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  auth_token           = "Rk4pV8nQ2mX7wL9tZ3cB" # expect: hardcoded-credential
  transit_encryption_enabled = true
}
