import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { it } from 'node:test';
import { ts } from '../../server/src/engine/ts.js';

it("the engine's compiler is the one ts-morph bundles, the same file ts-morph itself loads", () => {
  const ourCommon = require.resolve('@ts-morph/common');
  const morphsCommon = require.resolve('@ts-morph/common', { paths: [dirname(require.resolve('ts-morph'))] });
  assert.equal(ourCommon, morphsCommon, 'package.json pins a @ts-morph/common other than the one ts-morph depends on');
  assert.equal(ts.version, (require('ts-morph') as { ts: { version: string } }).ts.version);
});
