import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { debounceDelay } from '../../server/src/lsp/debounce.js';

describe('the keystroke debounce', () => {
  it('does not wait for a document analysed within a frame, or never analysed yet', () => {
    assert.equal(debounceDelay(undefined), 0);
    assert.equal(debounceDelay(3), 0);
    assert.equal(debounceDelay(16), 0);
  });

  it('waits about twice the last analysis for a slower document, at most 150 ms', () => {
    assert.equal(debounceDelay(20), 40);
    assert.equal(debounceDelay(60), 120);
    assert.equal(debounceDelay(900), 150);
  });
});
