# DB: defaults for generated deployment templates (Mayan-EDMS mayan/settings/literals.py:6-14) and a
# sample RADIUS configuration users replace (IntelOwl configuration/radius_config.py:6).
DEFAULT_DATABASE_PASSWORD = 'mayanuserpass'         # hardcoded-credential (error)
DEFAULT_RABBITMQ_PASSWORD = 'mayanrabbitmqpassword' # hardcoded-credential (error)
RADIUS_SECRET = "S3kr3T"                            # hardcoded-credential (error)
