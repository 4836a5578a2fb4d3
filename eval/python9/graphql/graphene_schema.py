"""Graphene schema for the legacy admin: resolvers call the billing REST API with requests."""
import logging
import os

import graphene
import requests

log = logging.getLogger(__name__)

BILLING_API = os.environ.get("BILLING_API", "https://billing.internal.example.com/api")
BILLING_TOKEN = os.environ.get("BILLING_TOKEN")
billing = requests.Session()
billing.headers["Authorization"] = f"Token {BILLING_TOKEN}"


class Invoice(graphene.ObjectType):
    number = graphene.String()
    total_cents = graphene.Int()
    status = graphene.String()


class Query(graphene.ObjectType):
    invoices = graphene.List(Invoice, customer=graphene.String(required=True))
    invoice = graphene.Field(Invoice, number=graphene.String(required=True))

    def resolve_invoices(root, info, customer):
        resp = billing.get(f"{BILLING_API}/customers/{customer}/invoices", timeout=10)
        rows = resp.json()  # expect: unchecked-response-status
        return [Invoice(**r) for r in rows]

    def resolve_invoice(root, info, number):
        resp = billing.get(f"{BILLING_API}/invoices/{number}")  # expect: missing-timeout
        resp.raise_for_status()
        return Invoice(**resp.json())


class VoidInvoice(graphene.Mutation):
    class Arguments:
        number = graphene.String(required=True)

    ok = graphene.Boolean()

    def mutate(root, info, number):
        resp = billing.post(f"{BILLING_API}/invoices/{number}/void", timeout=10)
        log.info("void %s by %s -> %s", number, info.context.user, resp.status_code)
        return VoidInvoice(ok=resp.ok)


class Mutation(graphene.ObjectType):
    void_invoice = VoidInvoice.Field()


def debug_context(info):
    log.debug("context user %s", info.context.user)
    log.debug("billing session headers %s", billing.headers)  # expect: secret-in-log


schema = graphene.Schema(query=Query, mutation=Mutation)
