import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import jwt from 'jsonwebtoken';

type Ctx = { tenantId: string; plan: string };

export const handler = async (
  event: APIGatewayRequestAuthorizerEventV2,
): Promise<APIGatewaySimpleAuthorizerWithContextResult<Ctx>> => {
  const header = event.headers?.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : header;
  const claims = jwt.decode(token) as { tenant_id?: string; plan?: string } | null; // expect: jwt-unverified
  if (!claims?.tenant_id) return { isAuthorized: false, context: { tenantId: '', plan: '' } };
  return { isAuthorized: true, context: { tenantId: claims.tenant_id, plan: claims.plan ?? 'free' } };
};
