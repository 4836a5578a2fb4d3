import { sharedSettings } from '../../config/settings.js';
import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pySecret: '{{call}} logs `{{secret}}`: anyone who can read the logs can reuse it. Log a redacted form or a flag such as `bool(value)` instead.',
  pyHeaders: '{{call}} logs the whole headers object `{{secret}}`: anyone who can read the logs can reuse its Authorization and Cookie values. Log the header names, or a redacted copy, instead.',
};

export const meta = defineMeta({
  id: 'secret-in-log',
  defaultSeverity: 'warning',
  description: 'A log call writes a credential, a whole headers object, or a template that interpolates one.',
  category: 'security',
  messages: {
    ...PYTHON_MESSAGES,
    secret: '{{call}} logs `{{secret}}`: anyone who can read the logs can reuse it. Log a redacted form or a flag such as `Boolean(value)` instead.',
    headers:
      '{{call}} logs the whole headers object `{{secret}}`: anyone who can read the logs can reuse its Authorization and Cookie values. Log a redacted form or a flag such as `Boolean(value)` instead.',
  },
  options: { credentialNames: sharedSettings.credentialNames },
  fixable: 'code',
});
