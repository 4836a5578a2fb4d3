import { defineMeta } from '../../engine/rule.js';

const PYTHON_MESSAGES = {
  pyUnchecked: '`{{read}}` reads the body without a status check: an error page or a 4xx/5xx body is taken as data, since `{{response}}` is never checked. {{advice}}',
};

export const meta = defineMeta({
  id: 'unchecked-response-status',
  defaultSeverity: 'warning',
  description: 'A fetch response body is read without checking the response status.',
  category: 'resilience',
  failsVisibly: true,
  messages: {
    ...PYTHON_MESSAGES,
    unchecked: '{{read}}() reads the body without a status check: an error page or a 4xx/5xx body is taken as data, since `{{response}}.ok` and `{{response}}.status` are never checked. Check `if (!{{response}}.ok)` and fail first.',
  },
  fixable: 'code',
});
