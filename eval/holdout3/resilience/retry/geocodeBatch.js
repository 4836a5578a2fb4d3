const axios = require('axios');

axios.defaults.timeout = 4000;

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function geocode(address) {
  return axios.get('https://maps.geocodely.com/api/geocode', { params: { address } }).then((r) => r.data);
}

// Recursive retry: three attempts, doubling wait.
function geocodeWithRetry(address, retriesLeft = 3, waitMs = 250) {
  return geocode(address).catch((err) => {
    if (retriesLeft <= 0) return Promise.reject(err);
    return wait(waitMs).then(() => geocodeWithRetry(address, retriesLeft - 1, waitMs * 2));
  });
}

async function geocodeAll(addresses) {
  const results = new Map();
  for (const address of addresses) {
    results.set(address, await geocodeWithRetry(address));
  }
  return results;
}

// Used by the overnight import; the upstream flakes a lot.
async function geocodeUntilDone(address) {
  let result = null;
  while (result === null) { // expect: unbounded-retry, retry-without-backoff
    try {
      result = await geocode(address);
    } catch (err) {
      console.error('geocode failed, trying again', err.message);
    }
  }
  return result;
}

module.exports = { geocodeAll, geocodeUntilDone };
