import sys

from loguru import logger

from .vault import fetch_secret

logger.remove()
logger.add(sys.stderr, level="INFO", serialize=True)


def connect(dsn: str, db_password: str):
    logger.info("connecting to {}", dsn)
    logger.debug("db password is {}", db_password)  # expect: secret-in-log
    logger.info("db password length {}", len(db_password))
    return dsn, db_password


def rotate(client, name: str) -> None:
    new_secret = fetch_secret(name)
    client.rotate(new_secret)
    logger.success("rotated secret to " + new_secret)  # expect: secret-in-log
    logger.info("rotated secret {}", name)


def main(argv: list[str]) -> None:
    token = fetch_secret("deploy-token")
    print("deploying with token", token)  # expect: secret-in-log
    print(f"deploying {argv[1]}")
