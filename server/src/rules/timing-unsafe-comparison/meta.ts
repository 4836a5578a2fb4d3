import { sharedSettings } from '../../config/settings.js';
import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pySignature: '`{{operand}}` is compared with {{operator}}, not in constant time: it stops at the first differing character, so response timing lets an attacker guess the signature byte by byte. Compare with `hmac.compare_digest(a, b)` instead.',
  pySecret: '`{{operand}}` is compared with {{operator}}, not in constant time: it stops at the first differing character, so response timing lets an attacker guess the secret byte by byte. Compare with `hmac.compare_digest(a, b)` instead.',
};

export const meta = defineMeta({
  id: 'timing-unsafe-comparison',
  defaultSeverity: 'warning',
  description: 'A signature, HMAC digest or secret token is compared with a timing-unsafe operator.',
  category: 'security',
  messages: {
    ...PYTHON_MESSAGES,
    signature:
      '`{{operand}}` is compared with {{operator}}, not in constant time: it stops at the first differing character, so response timing lets an attacker guess the signature byte by byte. Compare equal-length Buffers with crypto.timingSafeEqual instead.',
    secret:
      '`{{operand}}` is compared with {{operator}}, not in constant time: it stops at the first differing character, so response timing lets an attacker guess the secret byte by byte. Compare equal-length Buffers with crypto.timingSafeEqual instead.',
  },
  options: { credentialNames: sharedSettings.credentialNames },
  fixable: 'code',
});
