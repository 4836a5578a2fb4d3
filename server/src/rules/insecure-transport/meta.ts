import { sharedSettings } from '../../config/settings.js';
import { defineMeta } from '../../engine/rule.js';

export const meta = defineMeta({
  id: 'insecure-transport',
  defaultSeverity: 'warning',
  description: 'A clear-text http:// or ws:// URL to a non-local host is used for an outbound call.',
  category: 'security',
  messages: {
    clearText: '{{call}} uses clear-text {{url}}: anyone on the network path can read and change the traffic, credentials included. Use {{secure}}.',
  },
  options: { localHosts: sharedSettings.localHosts },
  fixable: 'code',
});
