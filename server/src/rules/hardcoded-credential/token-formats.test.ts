import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../engine/analyze.js';
import { rules } from '../index.js';

// Fake tokens of the formats the main test file does not show, assembled from parts so secret
// scanners leave this file alone. Each is reported wherever it is written, name or not.
const GOOGLE_OAUTH_SECRET = 'GOC' + 'SPX-' + 'q8ZkXr2VbN4mT6wY1pL9sD3fH7jK';
const HUGGING_FACE = 'h' + 'f_' + 'QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUi';
const PYPI = 'pypi-' + 'AgEIcHlwaS5vcmc' + 'CJGI0ZjEyYzQ5LWE3ZTItNDc2Yi05ZDFhLWQ3OGE5ZjI1YjdlMQ';
const DIGITALOCEAN = 'do' + 'p_v1_' + '3f9a2c7e1b8d4f6a0c5e9b2d7f1a4c8e6b3d9f0a2c7e5b1d8f4a6c0e9b3d7f2a';
const SQUARE = 'sq0' + 'atp-' + 'Xk2mP9vQ4rT7wZ1bN5cH8j';
const AZURE_SHARED = 'SharedAccessKey=' + 'k3Jd8Qm2Vx7Np4Rt9Wz1Bc6Hf5Ly0Ga3Se8Ui2Oo7Pq=';

const TOKENS = { GOOGLE_OAUTH_SECRET, HUGGING_FACE, PYPI, DIGITALOCEAN, SQUARE, AZURE_SHARED };

describe('hardcoded-credential: every token format is found', () => {
  for (const [name, token] of Object.entries(TOKENS)) {
    it(`${name} in a plain string is reported on its line`, () => {
      const code = `export const settings = {\n  value: '${token}',\n};\n`;
      const findings = analyze(rules, 'settings.ts', code, { severities: {}, options: {}, only: ['hardcoded-credential'] }).findings;
      assert.deepEqual(findings.map((finding) => finding.range.start.line + 1), [2]);
    });
  }
});
