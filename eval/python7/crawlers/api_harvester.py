import logging
import requests

log = logging.getLogger(__name__)

GITHUB_TOKEN = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3sAb"  # expect: hardcoded-credential


def harvest(org):
    headers = {"Authorization": f"token {GITHUB_TOKEN}"}
    url = f"https://api.github.com/orgs/{org}/repos"
    repos = []
    while url:
        r = requests.get(url, headers=headers, timeout=10)
        r.raise_for_status()
        repos.extend(r.json())
        url = r.links.get("next", {}).get("url")
    log.debug("request headers: %s", r.request.headers)  # expect: secret-in-log
    return repos


def stars(repo):
    r = requests.get(f"https://api.github.com/repos/{repo}", timeout=10)
    data = r.json()  # expect: unchecked-response-status
    if data.get("message"):
        return 0
    return data["stargazers_count"]
