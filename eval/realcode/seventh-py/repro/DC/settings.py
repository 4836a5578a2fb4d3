# DC: a placeholder and a sentinel the application refuses to start with
# (IntelOwl intel_owl/settings/rest.py:67; Mayan-EDMS mayan/settings/literals.py:15).
# required by a dependency, but the recaptcha is not used, so it is filled with a placeholder
DRF_RECAPTCHA_SECRET_KEY = "not-active"     # hardcoded-credential (error)
DEFAULT_SECRET_KEY = 'secret-key-missing!'  # hardcoded-credential (error)
