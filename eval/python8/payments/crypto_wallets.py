"""On-chain deposits: watches ERC-20 transfers to customer deposit addresses.

"Token" here is an asset on the chain (USDC, DAI), not a credential.
"""
import logging
from dataclasses import dataclass
from decimal import Decimal

import requests

logger = logging.getLogger(__name__)

USDC_TOKEN_ADDRESS = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"
DAI_TOKEN_ADDRESS = "0x6B175474E89094C44Da98b954EedeAC495271d0F"
TOKEN_DECIMALS = {USDC_TOKEN_ADDRESS.lower(): 6, DAI_TOKEN_ADDRESS.lower(): 18}
INDEXER_URL = "http://indexer.chaindata.io/api/v1"  # expect: insecure-transport
NODE_RPC_URL = "http://eth-node.svc.cluster.local:8545"
CHAIN_ID = 1


@dataclass
class Deposit:
    tx_hash: str
    token_address: str
    token_symbol: str
    amount: Decimal
    to_address: str


def _rpc(method: str, params: list) -> dict:
    resp = requests.post(NODE_RPC_URL, json={"jsonrpc": "2.0", "id": 1, "method": method, "params": params}, timeout=15)
    resp.raise_for_status()
    return resp.json()["result"]


def latest_block() -> int:
    return int(_rpc("eth_blockNumber", []), 16)


def transfers_to(address: str, from_block: int) -> list[Deposit]:
    resp = requests.get(
        f"{INDEXER_URL}/transfers",
        params={"to": address, "fromBlock": from_block, "chainId": CHAIN_ID},
        timeout=20,
    )
    resp.raise_for_status()
    deposits = []
    for item in resp.json()["items"]:
        token_address = item["tokenAddress"]
        if token_address.lower() not in TOKEN_DECIMALS:
            logger.debug("ignoring transfer of unsupported token %s", token_address)
            continue
        decimals = TOKEN_DECIMALS[token_address.lower()]
        deposits.append(
            Deposit(
                tx_hash=item["hash"],
                token_address=token_address,
                token_symbol=item["tokenSymbol"],
                amount=Decimal(item["value"]) / Decimal(10**decimals),
                to_address=address,
            )
        )
    return deposits


def credit(deposit: Deposit, expected_token_address: str) -> bool:
    if deposit.token_address.lower() != expected_token_address.lower():
        logger.warning("deposit %s is %s, not the expected asset", deposit.tx_hash, deposit.token_symbol)
        return False
    logger.info("credited %s %s from tx %s", deposit.amount, deposit.token_symbol, deposit.tx_hash)
    return True


def nft_owner_matches(token_id: int, owner: str, claimed_token_id: int) -> bool:
    return token_id == claimed_token_id and owner.startswith("0x")
