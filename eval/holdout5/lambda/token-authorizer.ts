import jwt from 'jsonwebtoken';
import type { APIGatewayTokenAuthorizerEvent, APIGatewayAuthorizerResult } from 'aws-lambda';

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY!;

function policy(principalId: string, effect: 'Allow' | 'Deny', resource: string): APIGatewayAuthorizerResult {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
    },
  };
}

// Fast path used by the internal dashboard: trusts the tenant claim without a signature check.
export async function dashboardAuthorizer(event: APIGatewayTokenAuthorizerEvent) {
  const raw = event.authorizationToken.replace(/^Bearer /, '');
  const claims = jwt.decode(raw) as { sub?: string; tenant?: string } | null; // expect: jwt-unverified
  if (!claims?.sub) return policy('anonymous', 'Deny', event.methodArn);
  return policy(claims.sub, 'Allow', event.methodArn);
}

export async function apiAuthorizer(event: APIGatewayTokenAuthorizerEvent) {
  const raw = event.authorizationToken.replace(/^Bearer /, '');
  try {
    const claims = jwt.verify(raw, PUBLIC_KEY, { algorithms: ['RS256'] }) as { sub: string };
    return policy(claims.sub, 'Allow', event.methodArn);
  } catch {
    return policy('anonymous', 'Deny', event.methodArn);
  }
}

export async function cronAuthorizer(event: { headers: Record<string, string | undefined>; methodArn: string }) {
  const presented = event.headers['x-cron-secret'];
  if (presented !== process.env.CRON_SHARED_SECRET) { // expect: timing-unsafe-comparison
    return policy('cron', 'Deny', event.methodArn);
  }
  return policy('cron', 'Allow', event.methodArn);
}
