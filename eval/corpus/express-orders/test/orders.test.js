'use strict';

const request = require('supertest');
const nock = require('nock');
const crypto = require('crypto');
const app = require('../src/app');

const WEBHOOK_SECRET = process.env.GITHUB_WEBHOOK_SECRET || 'test';

function githubSignature(body) {
  return 'sha256=' + crypto.createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex');
}

describe('orders api', () => {
  beforeAll(() => {
    nock('https://api.taxrates.io').get('/v1/rates').query(true).reply(200, { rate: 0.2 });
    nock('http://inventory.acme-logistics.com').post('/api/v2/reservations').reply(201, { reservationId: 'r_1' });
  });

  afterAll(() => nock.cleanAll());

  it('rejects requests without an api key', async () => {
    const res = await request(app).post('/api/orders').send({ lines: [] });
    expect(res.status).toBe(401);
  });

  it('accepts a signed github delivery', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', after: 'abc123' });
    const res = await request(app)
      .post('/webhooks/github')
      .set('content-type', 'application/json')
      .set('x-github-event', 'push')
      .set('x-hub-signature-256', githubSignature(body))
      .send(body);
    expect(res.status).toBe(204);
  });

  it('rejects a tampered github delivery', async () => {
    const res = await request(app)
      .post('/webhooks/github')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', 'sha256=deadbeef')
      .send('{"ref":"refs/heads/main"}');
    expect(res.status).toBe(401);
    expect(res.body.signature === undefined).toBe(true);
  });

  it('serves the health check', async () => {
    const res = await request(app).get('/healthz');
    expect(res.body.ok).toBe(true);
  });
});
