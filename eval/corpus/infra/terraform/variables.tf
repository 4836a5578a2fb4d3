variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}

variable "analytics_db_password" {
  type      = string
  sensitive = true
  default   = "An4lyt1cs-Db-Pa55" # expect: hardcoded-credential
}

variable "relay_signing_secret" {
  type        = string
  description = "HMAC secret shared with the relay"
  default     = ""
}

variable "grafana_admin_password" {
  type    = string
  default = "changeme"
}

variable "api_token_ttl" {
  type    = number
  default = 3600
}

variable "token_endpoint" {
  type    = string
  default = "https://auth.acme-shop.com/oauth/token"
}

variable "datadog_api_key" {
  type    = string
  default = "3f7b2c9d1e8a4f6b0c5d7e9a1b3c5d7e" # expect: hardcoded-credential
}
