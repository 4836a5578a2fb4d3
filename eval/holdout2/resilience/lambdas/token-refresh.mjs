// EventBridge schedule (rate 45 minutes): refreshes OAuth access tokens for the partner
// integrations and stores them in SSM for the API pods to pick up.
import { fetch } from 'undici';
import { SSMClient, GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

const PARTNERS = [
  { name: 'erp', tokenUrl: 'https://login.erp-cloud.example/oauth2/token', scope: 'orders.read orders.write' },
  { name: 'crm', tokenUrl: 'https://auth.crm-suite.example/token', scope: 'contacts' },
  { name: 'wms', tokenUrl: 'http://auth.wms-hosted.example/connect/token', scope: 'stock' }, // expect: insecure-transport
];

async function param(name) {
  const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return out.Parameter.Value;
}

async function clientCredentials(partner) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: await param(`/integrations/${partner.name}/client-id`),
    client_secret: await param(`/integrations/${partner.name}/client-secret`),
    scope: partner.scope,
  });
  const res = await fetch(partner.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    signal: AbortSignal.timeout(8000),
  });
  if (!res.ok) {
    const detail = await res.text();
    throw new Error(`${partner.name} token endpoint ${res.status}: ${detail.slice(0, 200)}`);
  }
  return res.json();
}

async function announce(partner, expiresIn) {
  // Tell the API pods to reload; fire-and-forget style but still bounded.
  const res = await fetch('https://internal-api.acme-ops.example/integrations/reload', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ partner: partner.name, expiresIn }),
    signal: AbortSignal.timeout(3000),
  });
  const ack = await res.json(); // expect: unchecked-response-status
  return ack.ok === true;
}

async function introspect(partner, accessToken) {
  const res = await fetch(`${new URL(partner.tokenUrl).origin}/oauth2/introspect`, { // expect: missing-timeout
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: accessToken }),
  });
  return res.ok ? res.json() : { active: false };
}

export const handler = async () => {
  const results = [];
  for (const partner of PARTNERS) {
    try {
      const grant = await clientCredentials(partner);
      const info = await introspect(partner, grant.access_token);
      if (!info.active) throw new Error('token came back inactive');
      await ssm.send(
        new PutParameterCommand({
          Name: `/integrations/${partner.name}/access-token`,
          Value: grant.access_token,
          Type: 'SecureString',
          Overwrite: true,
        }),
      );
      await announce(partner, grant.expires_in);
      results.push({ partner: partner.name, ok: true, expiresIn: grant.expires_in });
    } catch (err) {
      results.push({ partner: partner.name, ok: false, error: err.message });
    }
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`token refresh failed for ${failed.map((f) => f.partner).join(', ')}`);
  return results;
};
