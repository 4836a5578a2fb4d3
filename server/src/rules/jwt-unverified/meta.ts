import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyUnverifiedDecode: '{{call}} trusts the request token without verifying it: anyone can forge its claims (user id, roles), since its signature is never checked. Decode it with the key and a fixed list of algorithms (`jwt.decode(token, key, algorithms=["HS256"])`) before trusting it.',
};

export const meta = defineMeta({
  id: 'jwt-unverified',
  defaultSeverity: 'error',
  description: 'A JWT from an incoming request is trusted without verifying its signature.',
  category: 'security',
  messages: {
    ...PYTHON_MESSAGES,
    noneAlgorithm:
      "{{call}} accepts the 'none' algorithm: a token with no signature at all passes verification, so anyone can mint one. Remove 'none' and list only the algorithms your keys use.",
    unverifiedDecode:
      '{{call}} trusts the request token without verifying it: anyone can forge its claims (user id, roles), since its signature is never checked. Use jwt.verify(token, key, { algorithms: [...] }) or jose jwtVerify before trusting it.',
    verifyToken: 'Verify the token with {{call}} ({{key}})',
  },
  fixable: 'code',
  hasSuggestions: true,
});
