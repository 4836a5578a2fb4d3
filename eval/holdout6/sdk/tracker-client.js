'use strict';

const axios = require('axios');

const DEFAULTS = Object.freeze({ baseURL: 'https://track.acme-logistics.com/api', timeout: 6000 });

class TrackerClient {
  constructor({ apiToken, ...overrides } = {}) {
    this.http = axios.create({ ...DEFAULTS, ...overrides, headers: { authorization: `Token ${apiToken}` } });
  }

  async status(trackingNumber) {
    const { data } = await this.http.get(`/shipments/${trackingNumber}`);
    return data.status;
  }
}

async function lookupCarrier(code) {
  const { data } = await axios({ method: 'get', url: `https://carriers.acme-logistics.com/v1/${code}` }); // expect: missing-timeout
  return data;
}

async function legacyStatus(trackingNumber) {
  const res = await axios.get(`http://track-v1.acme-logistics.com/status/${trackingNumber}`, { timeout: 5000 }); // expect: insecure-transport
  return res.data;
}

module.exports = { TrackerClient, lookupCarrier, legacyStatus };
