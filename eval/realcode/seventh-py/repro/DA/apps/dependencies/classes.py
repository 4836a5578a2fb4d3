# DA: install-time tooling (Mayan-EDMS mayan/apps/dependencies/classes.py:624, 721), run by the
# install/upgrade management commands, not by the served application.
import requests


class PythonDependency:
    def get_latest_version(self):
        url = 'https://pypi.python.org/pypi/{}/json'.format(self.name)
        response = requests.get(url=url)                    # missing-timeout
        versions = list(response.json()['releases'])        # unchecked-response-status
        return versions[-1]
