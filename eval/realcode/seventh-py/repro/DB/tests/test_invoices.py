# DB: an S3 POST-policy fixture in a test (liberapay tests/py/test_invoices.py:20): a key id alone.
EXPECTED_FIELDS = [
    {"x-amz-credential": "AKIAJRT6BUQHIPYENYWQ/20200225/eu-west-1/s3/aws4_request"},   # error
]
