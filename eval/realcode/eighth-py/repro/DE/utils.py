# DE: comparisons where nobody gains from the timing (warehouse forklift/legacy.py:507 content hashes of a
# public upload; integrations/secrets/utils.py:62,64 a config dataclass __eq__; ecommerce coupons/views.py:238
# the user's own consent token).
class DisclosureOrigin:
    def __init__(self, name, signature_header, api_token):
        self.name = name
        self.signature_header = signature_header
        self.api_token = api_token

    def __eq__(self, other):
        return (
            self.name == other.name
            and self.signature_header == other.signature_header
            and self.api_token == other.api_token
        )


def is_duplicate(file_, hashes):
    return file_.sha256_digest == hashes["sha256"]
