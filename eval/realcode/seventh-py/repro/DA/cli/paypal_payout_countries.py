# DA: a maintainer's one-off CLI script (liberapay cli/paypal_payout_countries.py:8-13), run by hand.
import re

import requests

sess = requests.Session()
r = sess.get('https://www.paypal.com/webapps/mpp/country-worldwide')   # missing-timeout
country_codes = set(re.findall(r"/([a-z]{2})/home", r.text))            # unchecked-response-status
