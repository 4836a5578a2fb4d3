# DP (hint): test users' passwords (DefectDojo unittests/test_permissions_audit.py and 8 other files).
def test_login(client):
    password = "testTEST1234!@#$"
    assert client.login(username="bench_idor_owner", password="testTEST1234!@#$")  # noqa: S106
    return password
