import socket
import urllib.request

import feedparser

socket.setdefaulttimeout(20)

NEWS_FEED = "http://feeds.example-news.org/rss"  # expect: insecure-transport
LOCAL_FEED = "http://rss.localhost:8080/feed"
ATOM_NS = "http://www.w3.org/2005/Atom"


def read_news():
    with urllib.request.urlopen(NEWS_FEED) as resp:
        return feedparser.parse(resp.read()).entries


def read_local():
    with urllib.request.urlopen(LOCAL_FEED) as resp:
        return feedparser.parse(resp.read()).entries


def read_with_opener(url):
    opener = urllib.request.build_opener()
    return opener.open(url).read()
