"""Plaid Link: token exchange and account balances for the budgeting app."""
import logging

import plaid
from plaid.api import plaid_api
from plaid.model.accounts_balance_get_request import AccountsBalanceGetRequest
from plaid.model.item_public_token_exchange_request import ItemPublicTokenExchangeRequest
from plaid.model.link_token_create_request import LinkTokenCreateRequest
from plaid.model.link_token_create_request_user import LinkTokenCreateRequestUser
from plaid.model.products import Products
from plaid.model.country_code import CountryCode

from budget.models import PlaidItem
from budget.settings import PLAID_CLIENT_ID, PLAID_ENV, PLAID_SECRET

logger = logging.getLogger(__name__)

configuration = plaid.Configuration(
    host=plaid.Environment.Production if PLAID_ENV == "production" else plaid.Environment.Sandbox,
    api_key={"clientId": PLAID_CLIENT_ID, "secret": PLAID_SECRET},
)
sandbox_configuration = plaid.Configuration(
    host=plaid.Environment.Sandbox,
    api_key={"clientId": "63f1c2a9d4e8b70012a3c4d5", "secret": "b7e41f0c9a2d6e8f3c5a1b7d9e0f2a"},  # expect: hardcoded-credential
)
client = plaid_api.PlaidApi(plaid.ApiClient(configuration))


def create_link_token(user_id: str) -> str:
    request = LinkTokenCreateRequest(
        products=[Products("transactions")],
        client_name="Budgetly",
        country_codes=[CountryCode("US")],
        language="en",
        user=LinkTokenCreateRequestUser(client_user_id=user_id),
    )
    response = client.link_token_create(request)
    logger.info("created link token for user %s (expires %s)", user_id, response["expiration"])
    return response["link_token"]


def exchange_public_token(user_id: str, public_token: str) -> PlaidItem:
    exchange_response = client.item_public_token_exchange(
        ItemPublicTokenExchangeRequest(public_token=public_token)
    )
    access_token = exchange_response["access_token"]
    item_id = exchange_response["item_id"]
    logger.info("plaid item %s linked for %s, access token %s", item_id, user_id, access_token)  # expect: secret-in-log
    return PlaidItem.objects.create(user_id=user_id, item_id=item_id, access_token=access_token)


def balances(item: PlaidItem) -> list[dict]:
    try:
        response = client.accounts_balance_get(AccountsBalanceGetRequest(access_token=item.access_token))
    except plaid.ApiException as exc:
        logger.warning("balance fetch failed for item %s: %s", item.item_id, exc.status)
        return []
    return [
        {"name": account["name"], "current": account["balances"]["current"]}
        for account in response["accounts"]
    ]


def tokens_per_user() -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in PlaidItem.objects.all():
        counts[item.user_id] = counts.get(item.user_id, 0) + 1
    token_count = sum(counts.values())
    logger.info("%d plaid tokens across %d users", token_count, len(counts))
    return counts
