# DP: an integration test against the test stack's docker-compose service (mathesar
# api_tests/test_happy_db_setups.py:4 insecure-transport stays a warning in a test file; the
# missing-timeout and password findings in the same file are hints).
import requests

SERVICE_HOST = 'http://mathesar-api-test-service:8000'


def test_login():
    s = requests.Session()
    s.get(f'{SERVICE_HOST}/auth/login/')
    s.post(f'{SERVICE_HOST}/auth/login/', data={"username": "admin", "password": "myinsecurepassword"})
