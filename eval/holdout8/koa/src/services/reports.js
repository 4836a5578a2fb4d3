const logger = require('../logger');

async function loadDashboard(accountId, signal) {
  const [usageRes, billingRes] = await Promise.all([
    fetch(`https://usage.example.com/accounts/${accountId}`, { signal }),
    fetch(`https://billing.example.com/accounts/${accountId}`, { signal }),
  ]);
  const usage = await usageRes.json(); // expect: unchecked-response-status
  if (!billingRes.ok) throw new Error(`billing ${billingRes.status}`);
  const billing = await billingRes.json();
  return { usage, billing };
}

async function exportCsv(accountId) {
  const res = await fetch(`https://reports.example.com/accounts/${accountId}/export.csv`); // expect: missing-timeout
  return res.text(); // expect: unchecked-response-status
}

async function exportPdf(accountId) {
  const res = await fetch(`https://reports.example.com/accounts/${accountId}/export.pdf`, { signal: AbortSignal.timeout(30000) });
  checkResponse(res);
  return res.arrayBuffer();
}

function checkResponse(res) {
  if (!res.ok) {
    logger.error('report export failed', res.status);
    throw new Error('export failed');
  }
}

module.exports = { loadDashboard, exportCsv, exportPdf };
