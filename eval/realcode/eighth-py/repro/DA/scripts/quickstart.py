# DA: a quickstart script against the local docker-compose stack (fides scripts/quickstart.py:497,500,521,524;
# also fides noxfiles/ci_nox.py, qa/utils/fides_api.py, scripts/test_pre_approval_webhook_server.py).
import requests

FIDES_URL = "http://fides:8080"
ROOT_CLIENT_SECRET = "fidesadminsecret"
POSTGRES_PASSWORD = "postgres-quickstart-pw"


def main():
    print(f"  ROOT_CLIENT_SECRET = {ROOT_CLIENT_SECRET}")
    print(f"  POSTGRES_PASSWORD = {POSTGRES_PASSWORD}")
    requests.post(f"{FIDES_URL}/api/v1/oauth/token", data={"client_secret": ROOT_CLIENT_SECRET}, timeout=5)
