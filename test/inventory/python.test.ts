import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeThen, defaultSettings } from '../../server/src/engine/analyze.js';
import { initPython } from '../../server/src/engine/python/tree.js';
import { collectFileInventory } from '../../server/src/inventory/collectFile.js';
import { InventoryIndex } from '../../server/src/inventory/index.js';
import { rules } from '../../server/src/rules/index.js';
import { entries, onlyHttp } from './entries.js';
import type { ConsumerEntry, Inventory, InventoryEntry, PublisherEntry, WebhookEntry } from '../../server/src/shared/inventory.js';

/** The map of in-memory Python files, built as the scan builds it: after the rules, from their parse. */
function mapOf(files: Record<string, string>): Inventory {
  const index = new InventoryIndex();
  for (const [path, text] of Object.entries(files)) {
    const { result, extra, extraFailure } = analyzeThen(rules, path, text, defaultSettings, collectFileInventory);
    assert.equal(result.notAnalysed, undefined);
    assert.equal(extraFailure, undefined);
    assert.ok(extra, `${path} has no part of the map`);
    index.set(path, extra);
  }
  return index.build();
}

const rulesOn = (entry: InventoryEntry) => entry.sites.flatMap((site) => site.findings.map((finding) => finding.ruleId)).sort();

describe('integration map of Python files', () => {
  before(async () => {
    await initPython();
  });

  it('maps requests, httpx, aiohttp, urllib, urllib3 and http.client calls with their targets', () => {
    const inventory = mapOf({
      'app/clients.py': [
        'import os',
        'import urllib.request',
        'import aiohttp',
        'import http.client',
        'import httpx',
        'import requests',
        'import urllib3',
        'ORDERS = "https://svc:hunter2@orders.example.com/v1/orders?api_key=abc"',
        'def orders():',
        '    r = requests.get(ORDERS, timeout=5)',
        '    r.raise_for_status()',
        '    return r.json()',
        'def rates(order):',
        '    return requests.request("POST", f"https://rates.example.com/quote/{order}", timeout=5)',
        'catalogue = httpx.Client(base_url="https://catalogue.example.com")',
        'def items():',
        '    return catalogue.get("/items")',
        'async def stock(session: aiohttp.ClientSession):',
        '    async with session.get("https://stock.example.com/levels") as resp:',
        '        return await resp.json()',
        'def feed():',
        '    return urllib.request.urlopen("http://feeds.example.com/daily", timeout=10)',
        'pool = urllib3.PoolManager(timeout=3)',
        'def ledger():',
        '    return pool.request("GET", os.environ["LEDGER_URL"])',
        'conn = http.client.HTTPSConnection("erp.example.com", timeout=5)',
        'def erp():',
        '    conn.request("GET", "/stock")',
        '',
      ].join('\n'),
    });
    const orders = onlyHttp(inventory, 'host:orders.example.com');
    // No user info, no query: where credentials travel.
    assert.deepEqual(orders.target, { kind: 'url', url: 'https://orders.example.com/v1/orders', host: 'orders.example.com' });
    assert.deepEqual({ library: orders.library, method: orders.method, timeout: orders.safeguards.timeout, statusCheck: orders.safeguards.statusCheck, tls: orders.safeguards.tls }, { library: 'requests', method: 'GET', timeout: 'present', statusCheck: 'present', tls: 'present' });
    const rates = onlyHttp(inventory, 'host:rates.example.com');
    assert.deepEqual({ method: rates.method, target: rates.target }, { method: 'POST', target: { kind: 'prefix', prefix: 'https://rates.example.com/quote/', host: 'rates.example.com' } });
    assert.deepEqual(onlyHttp(inventory, 'host:catalogue.example.com').target, { kind: 'url', url: 'https://catalogue.example.com/items', host: 'catalogue.example.com' });
    assert.equal(onlyHttp(inventory, 'host:stock.example.com').library, 'aiohttp');
    const feed = onlyHttp(inventory, 'host:feeds.example.com');
    assert.deepEqual({ library: feed.library, tls: feed.safeguards.tls, statusCheck: feed.safeguards.statusCheck }, { library: 'urllib', tls: 'missing', statusCheck: 'present' });
    assert.deepEqual(onlyHttp(inventory, 'configured:env LEDGER_URL').library, 'urllib3');
    const erp = onlyHttp(inventory, 'host:erp.example.com');
    assert.deepEqual({ library: erp.library, method: erp.method, url: erp.target.kind === 'url' && erp.target.url, timeout: erp.safeguards.timeout }, { library: 'http.client', method: 'GET', url: 'https://erp.example.com/stock', timeout: 'present' });
  });

  it("says a safeguard is missing where the Python checks' findings say so, and present where the code shows it", () => {
    const inventory = mapOf({
      'app/payments.py': [
        'import time',
        'import requests',
        'from tenacity import retry, stop_after_attempt, wait_exponential',
        'def charge(order):',
        '    r = requests.post("https://pay.example.com/charges", json=order)',
        '    return r.json()',
        'def legacy():',
        '    return requests.get("https://legacy.example.com/x", verify=False, timeout=3)',
        'def quote():',
        '    for attempt in range(5):',
        '        try:',
        '            return requests.post("https://quotes.example.com/q", timeout=2)',
        '        except requests.RequestException:',
        '            time.sleep(1)',
        '@retry(wait=wait_exponential(), stop=stop_after_attempt(5))',
        'def status():',
        '    return requests.get("https://status.example.com/health", timeout=2)',
        '',
      ].join('\n'),
    });
    const charge = onlyHttp(inventory, 'host:pay.example.com');
    assert.deepEqual({ timeout: charge.safeguards.timeout, statusCheck: charge.safeguards.statusCheck }, { timeout: 'missing', statusCheck: 'missing' });
    // The body read is reported on `r.json()`, a line below the request: it still belongs to the request.
    assert.deepEqual(rulesOn(charge), ['missing-timeout', 'unchecked-response-status']);
    const legacy = onlyHttp(inventory, 'host:legacy.example.com');
    assert.equal(legacy.safeguards.tls, 'missing');
    assert.ok(rulesOn(legacy).includes('tls-verification-disabled'));
    const quote = onlyHttp(inventory, 'host:quotes.example.com');
    assert.deepEqual({ retry: quote.safeguards.retry, backoff: quote.safeguards.backoff, idempotencyKey: quote.safeguards.idempotencyKey }, { retry: 'present', backoff: 'missing', idempotencyKey: 'missing' });
    assert.deepEqual(rulesOn(quote), ['missing-idempotency-key', 'retry-without-backoff']);
    const status = onlyHttp(inventory, 'host:status.example.com');
    assert.deepEqual({ retry: status.safeguards.retry, backoff: status.safeguards.backoff }, { retry: 'present', backoff: 'present' });
  });

  it('maps Stripe SDK calls under the provider, with the idempotency key of money-moving ones, and skips signature checks', () => {
    const inventory = mapOf({
      'billing/refunds.py': [
        'import stripe',
        'from stripe import StripeClient',
        'client = StripeClient("sk_test_placeholder")',
        'def refund(charge):',
        '    stripe.Refund.create(charge=charge)',
        '    client.refunds.create(params={"charge": charge}, options={"idempotency_key": charge})',
        '    return stripe.Customer.retrieve("cus_1")',
        'def event(payload, header, secret):',
        '    return stripe.Webhook.construct_event(payload, header, secret)',
        '',
      ].join('\n'),
    });
    const sdk = entries(inventory, 'provider:Stripe').map((entry) => entry.kind === 'sdk' && `${entry.operation} ${entry.safeguards.idempotencyKey ?? '-'}`);
    assert.deepEqual(sdk, ['Refund.create missing', 'refunds.create present', 'Customer.retrieve -']);
  });

  it('maps Slack and SendGrid SDK calls under their providers', () => {
    const inventory = mapOf({
      'notify/send.py': [
        'import os',
        'from slack_sdk import WebClient',
        'from sendgrid import SendGridAPIClient',
        'slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])',
        'mail = SendGridAPIClient(os.environ["SENDGRID_API_KEY"])',
        'def notify(message):',
        '    slack.chat_postMessage(channel="#orders", text="paid")',
        '    mail.send(message)',
        '',
      ].join('\n'),
    });
    const operations = (id: string) => entries(inventory, id).map((entry) => entry.kind === 'sdk' && entry.operation);
    assert.deepEqual(operations('provider:Slack'), ['chat_postMessage']);
    assert.deepEqual(operations('provider:SendGrid'), ['send']);
  });

  it('maps webhook views (Flask, FastAPI, Django) with their provider and whether they verify', () => {
    const inventory = mapOf({
      'web/hooks.py': [
        'import os',
        'import stripe',
        'from flask import Flask, request',
        'app = Flask(__name__)',
        '@app.route("/webhooks/stripe", methods=["POST"])',
        'def stripe_webhook():',
        '    event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], os.environ["STRIPE_WEBHOOK_SECRET"])',
        '    return "", 200',
        '@app.post("/hooks/github")',
        'def github_hook():',
        '    return request.get_json()',
        '',
      ].join('\n'),
      'api/main.py': ['from fastapi import FastAPI, Request', 'app = FastAPI()', '@app.post("/shopify/webhook")', 'async def shopify(request: Request):', '    return await request.json()', ''].join('\n'),
      'shop/views.py': ['from django.http import HttpResponse', 'def slack_events(request):', '    body = request.headers.get("X-Slack-Signature")', '    return HttpResponse(body)', ''].join('\n'),
    });
    const hook = (id: string) => entries(inventory, id)[0] as WebhookEntry;
    assert.deepEqual({ framework: hook('webhook-sender:Stripe').framework, path: hook('webhook-sender:Stripe').path, verified: hook('webhook-sender:Stripe').verified }, { framework: 'flask', path: '/webhooks/stripe', verified: true });
    assert.deepEqual({ verified: hook('webhook-sender:GitHub').verified, rules: rulesOn(hook('webhook-sender:GitHub')) }, { verified: false, rules: ['unverified-webhook'] });
    assert.deepEqual({ framework: hook('webhook-sender:Shopify').framework, verified: hook('webhook-sender:Shopify').verified }, { framework: 'fastapi', verified: false });
    // A Django view named by the signature header it reads.
    assert.equal(hook('webhook-sender:Slack').verified, false);
  });

  it('maps consumers (pika, kafka-python, confluent-kafka, aio-pika, SQS, Pub/Sub, Celery, Lambda) with what the checks know', () => {
    const inventory = mapOf({
      'workers/consume.py': [
        'import json',
        'import boto3',
        'import pika',
        'from celery import Celery',
        'from confluent_kafka import Consumer',
        'from kafka import KafkaConsumer',
        'app = Celery("tasks")',
        'def on_message(ch, method, properties, body):',
        '    try:',
        '        handle(json.loads(body))',
        '        ch.basic_ack(delivery_tag=method.delivery_tag)',
        '    except Exception:',
        '        ch.basic_nack(delivery_tag=method.delivery_tag)',
        'def on_audit(ch, method, properties, body):',
        '    try:',
        '        handle(body)',
        '    except Exception:',
        '        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)',
        'channel = pika.BlockingConnection(pika.ConnectionParameters("localhost")).channel()',
        'channel.basic_consume("orders.created", on_message)',
        'channel.basic_consume(queue="audit", on_message_callback=on_audit)',
        'channel.basic_consume("clicks", on_message, auto_ack=True)',
        'consumer = KafkaConsumer("payments", enable_auto_commit=False)',
        'for msg in consumer:',
        '    handle(msg.value)',
        '    consumer.commit()',
        'c = Consumer({"group.id": "g"})',
        'while True:',
        '    m = c.poll(1.0)',
        '    handle(m)',
        'sqs = boto3.client("sqs")',
        'for message in sqs.receive_message(QueueUrl="https://sqs.example.com/q")["Messages"]:',
        '    handle(message)',
        '    sqs.delete_message(QueueUrl="https://sqs.example.com/q", ReceiptHandle=message["ReceiptHandle"])',
        '@app.task(acks_late=True, queue="emails")',
        'def send_email(x):',
        '    pass',
        'def lambda_handler(event, context):',
        '    for record in event["Records"]:',
        '        handle(record["body"])',
        '',
      ].join('\n'),
      'workers/pubsub.py': ['from google.cloud import pubsub_v1', 'def on_message(message):', '    handle(message.data)', '    message.ack()', 'subscriber = pubsub_v1.SubscriberClient()', 'subscriber.subscribe("projects/p/subscriptions/orders", callback=on_message)', ''].join('\n'),
      'workers/aio.py': ['import aio_pika', 'async def on_order(message):', '    async with message.process():', '        handle(message.body)', 'async def main(channel):', '    queue = await channel.declare_queue("orders.aio")', '    await queue.consume(on_order)', ''].join('\n'),
    });
    const consumers = (id: string) => entries(inventory, id).filter((entry): entry is ConsumerEntry => entry.kind === 'consumer');
    const summary = (entry: ConsumerEntry) => `${entry.destination ?? '-'} ${entry.ackMode} requeue=${entry.requeue} deadLetter=${entry.deadLetter}`;
    assert.deepEqual(consumers('broker:pika').map(summary), ['orders.created manual requeue=yes deadLetter=missing', 'audit manual requeue=no deadLetter=present', 'clicks auto requeue=yes deadLetter=missing']);
    assert.ok(rulesOn(consumers('broker:pika')[0]).includes('poison-message-requeue'));
    assert.deepEqual(consumers('broker:kafka-python').map(summary), ['payments manual requeue=unknown deadLetter=unknown']);
    assert.deepEqual(consumers('broker:confluent-kafka').map(summary), ['- auto requeue=unknown deadLetter=unknown']);
    assert.deepEqual(consumers('broker:boto3 SQS').map(summary), ['- manual requeue=unknown deadLetter=unknown']);
    assert.deepEqual(consumers('broker:celery').map(summary), ['emails manual requeue=unknown deadLetter=unknown']);
    assert.deepEqual(consumers('broker:AWS Lambda (SQS)').map(summary), ['- auto requeue=unknown deadLetter=unknown']);
    assert.deepEqual(consumers('broker:aio-pika').map((entry) => `${entry.destination} ${entry.ackMode}`), ['orders.aio manual']);
    assert.deepEqual(consumers('broker:google-cloud-pubsub').map(summary), ['projects/p/subscriptions/orders manual requeue=unknown deadLetter=unknown']);
  });

  it('maps publishers with whether their confirmation is awaited', () => {
    const inventory = mapOf({
      'workers/publish.py': [
        'import pika',
        'from aiokafka import AIOKafkaProducer',
        'from confluent_kafka import Producer',
        'from kafka import KafkaProducer',
        'channel = pika.BlockingConnection().channel()',
        'channel.basic_publish(exchange="", routing_key="orders.receipts", body=b"x")',
        'producer = KafkaProducer()',
        'producer.send("payments.done", b"x")',
        'future = producer.send("payments.kept", b"x")',
        'p = Producer({})',
        'p.produce("audit", b"x")',
        'async def emit(event):',
        '    aio = AIOKafkaProducer()',
        '    await aio.send_and_wait("events", event)',
        '    aio.send("events.lost", event)',
        '',
      ].join('\n'),
    });
    const publishers = inventory.systems.flatMap((system) => system.entries.filter((entry): entry is PublisherEntry => entry.kind === 'publisher').map((entry) => `${entry.broker} ${entry.destination} ${entry.awaited}`));
    assert.deepEqual(publishers.sort(), ['aiokafka events true', 'aiokafka events.lost false', 'confluent-kafka audit false', 'kafka-python payments.done false', 'kafka-python payments.kept true', 'pika orders.receipts true']);
  });

  it('lists the names of credentials read from the environment and settings, never their values', () => {
    const inventory = mapOf({
      'app/settings.py': [
        'import os',
        'from decouple import config',
        'STRIPE_KEY = os.environ["STRIPE_SECRET_KEY"]',
        'TOKEN = os.getenv("PARTNER_API_TOKEN", "tok_live_placeholder_value")',
        'DB_PASSWORD = os.environ.get("DB_PASSWORD")',
        'SECRET_KEY = config("DJANGO_SECRET_KEY")',
        'DEBUG = os.getenv("DEBUG")',
        '',
      ].join('\n'),
    });
    assert.deepEqual(inventory.credentials.map((credential) => `${credential.source}:${credential.name}`), ['env:DB_PASSWORD', 'config:DJANGO_SECRET_KEY', 'env:PARTNER_API_TOKEN', 'env:STRIPE_SECRET_KEY']);
    assert.doesNotMatch(JSON.stringify(inventory), /tok_live_placeholder_value/);
  });

  it('maps what parses of a file with a syntax error', () => {
    const inventory = mapOf({
      'app/broken.py': ['import requests', 'def ok():', '    return requests.get("https://ok.example.com/x", timeout=5)', 'def broken(:', '    return (', 'def later():', '    return requests.get("https://later.example.com/y")', ''].join('\n'),
    });
    assert.equal(onlyHttp(inventory, 'host:ok.example.com').safeguards.timeout, 'present');
  });

  it("an after-hook that throws on a Python file costs the map, never the findings", () => {
    const text = 'import requests\ndef f():\n    return requests.get("https://api.example.com/x")\n';
    const { result, extra, extraFailure } = analyzeThen(rules, 'app/client.py', text, defaultSettings, () => {
      throw new Error('boom');
    });
    assert.equal(extra, undefined);
    assert.equal(extraFailure, 'failed: boom');
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), ['missing-timeout']);
  });

  it('leaves a Python test file out, as a JS one', () => {
    const inventory = mapOf({ 'tests/test_client.py': 'import requests\ndef test_x():\n    requests.get("https://api.example.com/x")\n' });
    assert.deepEqual(inventory.systems, []);
  });
});
