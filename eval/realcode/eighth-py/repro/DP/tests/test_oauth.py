# DP: test code; GitHub's documented example installation token in a mocked response
# (readthedocs rtd_tests/tests/test_oauth.py:1120, oauth/tests/test_githubapp_webhook.py:1336; fides test
# fixtures with presigned S3 URLs carrying an AKIA key id). Known token formats stay errors in tests.
def test_get_clone_token(request_mock):
    token = "ghs_16C7e42F292c6912E7710c838347Ae178B4a"
    request_mock.post("https://api.github.com/app/installations/1111/access_tokens", json={"token": token})
