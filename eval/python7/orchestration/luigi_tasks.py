import json
import urllib.request

import luigi


class FetchCatalog(luigi.Task):
    feed_url = "http://catalog.example-vendor.com/feed.json"  # expect: insecure-transport
    date = luigi.DateParameter()

    def output(self):
        return luigi.LocalTarget("catalog.json")

    def run(self):
        with urllib.request.urlopen(self.feed_url) as resp:  # expect: missing-timeout
            data = json.load(resp)
        with self.output().open("w") as f:
            json.dump(data, f)


class FetchPrices(luigi.Task):
    def run(self):
        with urllib.request.urlopen("https://prices.example-vendor.com/feed.json", timeout=30) as resp:
            data = json.load(resp)
        with self.output().open("w") as f:
            json.dump(data, f)
