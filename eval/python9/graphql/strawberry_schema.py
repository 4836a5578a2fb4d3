"""Strawberry GraphQL schema whose resolvers call the catalogue and reviews REST APIs."""
import logging
from typing import List, Optional

import httpx
import strawberry

logger = logging.getLogger(__name__)

catalogue = httpx.AsyncClient(base_url="https://catalogue.shop-platform.example.com", timeout=8.0)
reviews_api = httpx.AsyncClient(base_url="http://reviews.partner-widgets.example.org")  # expect: insecure-transport
recommender = httpx.AsyncClient(base_url="http://recommender.default.svc.cluster.local:8080", timeout=2.0)


@strawberry.type
class Review:
    author: str
    rating: int
    body: str


@strawberry.type
class Product:
    id: strawberry.ID
    name: str
    price_cents: int

    @strawberry.field
    async def reviews(self) -> List[Review]:
        resp = await reviews_api.get(f"/products/{self.id}/reviews")
        data = resp.json()  # expect: unchecked-response-status
        return [Review(**r) for r in data["items"]]

    @strawberry.field
    async def related(self) -> List["Product"]:
        resp = await recommender.get("/related", params={"id": self.id})
        if resp.status_code != 200:
            return []
        return [Product(**p) for p in resp.json()]


@strawberry.type
class Query:
    @strawberry.field
    async def product(self, id: strawberry.ID) -> Optional["Product"]:
        resp = await catalogue.get(f"/products/{id}")
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        return Product(**resp.json())

    @strawberry.field
    async def search(self, text: str) -> List[Product]:
        async with httpx.AsyncClient(timeout=None) as client:  # expect: missing-timeout
            resp = await client.get("https://search.shop-platform.example.com/q", params={"text": text})
            resp.raise_for_status()
            return [Product(**p) for p in resp.json()["hits"]]


schema = strawberry.Schema(query=Query)
