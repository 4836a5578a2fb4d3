import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prepareContext } from '../../client/src/chat/context.js';
import { detectCredentials } from '../../client/src/chat/detector.js';
import { redactFreeText } from '../../client/src/chat/redaction.js';
import { main } from '../../server/src/cli.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { rules } from '../../server/src/rules/index.js';
import { SECRET_SHAPES, type SecretShape } from './secret-shapes.js';

/**
 * Issue 18 §5: every secret shape pushed through each way text leaves the project — the
 * chat's code context (the engine's findings plus the detector), its free-text pass, and
 * every CLI output — and no full value may survive in any.
 */
function survivors(output: string, shapes: readonly SecretShape[]): string[] {
  return shapes.flatMap((shape) => shape.secrets.filter((secret) => output.includes(secret)).map(() => shape.name));
}

const isTokenCharacter = (character: string | undefined): boolean => character !== undefined && /[A-Za-z0-9]/.test(character);

/** True when `secret` occurs in `output` not glued to letters or digits on either side. */
function printedWhole(output: string, secret: string): boolean {
  for (let at = output.indexOf(secret); at !== -1; at = output.indexOf(secret, at + 1)) {
    if (!isTokenCharacter(output[at - 1]) && !isTokenCharacter(output[at + secret.length])) return true;
  }
  return false;
}

/** Collects what the CLI writes. */
function sink(): { write: (chunk: string) => boolean; text: string } {
  const stream = { text: '', write: (chunk: string) => ((stream.text += chunk), true) };
  return stream;
}

describe('redaction battery', () => {
  it('has at least 60 shapes', () => {
    assert.ok(SECRET_SHAPES.length >= 60, `${SECRET_SHAPES.length} shapes`);
  });

  it('leaves no secret in the chat code context', () => {
    const left = SECRET_SHAPES.filter((shape) => {
      const findings = analyze(rules, `/repo/${shape.file}`, shape.text).findings;
      const lines = shape.text.split('\n').length - 1;
      const context = prepareContext({ displayPath: shape.file, analysisPath: `/repo/${shape.file}`, languageId: 'plaintext', text: shape.text, startLine: 0, endLine: lines }, findings, detectCredentials);
      return survivors(context.content, [shape]).length > 0;
    });
    assert.deepEqual(left.map((shape) => shape.name), []);
  });

  it('leaves no secret in free text', () => {
    const left = SECRET_SHAPES.filter((shape) => survivors(redactFreeText(shape.text, detectCredentials).text, [shape]).length > 0);
    assert.deepEqual(left.map((shape) => shape.name), []);
  });

  describe('CLI outputs', () => {
    let root: string;
    before(() => {
      root = mkdtempSync(join(tmpdir(), 'ie-redaction-'));
      SECRET_SHAPES.forEach((shape, index) => {
        // Each shape in its own folder under its own name; and inside a comment beside a fixable call, so `--fix-dry-run` prints it as context.
        mkdirSync(join(root, `${index}`));
        writeFileSync(join(root, `${index}`, shape.file), shape.text);
        writeFileSync(join(root, `${index}`, 'fixable.js'), `/*\n${shape.text}*/\nfetch('http://partner.example.com/hook');\n`);
      });
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    /**
     * The shapes whose secrets `map` prints: each shape's folder, plus requests that carry its
     * secrets where URLs carry credentials (user info, query) and a webhook route and a queue
     * named by one.
     */
    const leakedByMap = async (format: string): Promise<string[]> => {
      const mapRoot = mkdtempSync(join(tmpdir(), 'ie-redaction-map-'));
      SECRET_SHAPES.forEach((shape, index) => {
        mkdirSync(join(mapRoot, `${index}`));
        writeFileSync(join(mapRoot, `${index}`, shape.file), shape.text);
        const calls = shape.secrets.flatMap((secret) => [
          `fetch(${JSON.stringify(`https://api.example.com/v1/items?api_key=${encodeURIComponent(secret)}`)});`,
          `fetch(${JSON.stringify(`https://svc:${encodeURIComponent(secret)}@api.example.com/v1/items`)});`,
          `fetch(${JSON.stringify(`https://user:${secret}@api.example.com/v1/items`)});`,
        ]);
        writeFileSync(join(mapRoot, `${index}`, 'map-calls.js'), `${calls.join('\n')}\n`);
        // The same through Python's clients, and as a setting's fallback: the map prints the setting's name only.
        const pythonCalls = shape.secrets.flatMap((secret) => [
          `TOKEN = os.getenv("PARTNER_API_TOKEN", ${JSON.stringify(secret)})`,
          `requests.get(${JSON.stringify(`https://api.example.com/v1/items?api_key=${encodeURIComponent(secret)}`)}, timeout=5)`,
          `requests.get(${JSON.stringify(`https://svc:${encodeURIComponent(secret)}@api.example.com/v1/items`)}, timeout=5)`,
          `httpx.get(${JSON.stringify(`https://user:${secret}@api.example.com/v1/items`)})`,
        ]);
        writeFileSync(join(mapRoot, `${index}`, 'map_calls.py'), `import os\nimport httpx\nimport requests\n${pythonCalls.join('\n')}\n`);
      });
      const out = sink();
      const err = sink();
      const code = await main(['map', '--format', format, ...SECRET_SHAPES.map((_, index) => `${index}`)], mapRoot, out as never, err as never).finally(() => rmSync(mapRoot, { recursive: true, force: true }));
      assert.equal(code, 0, err.text);
      assert.match(out.text, /api\.example\.com/);
      if (format !== 'mermaid') assert.match(out.text, /PARTNER_API_TOKEN[\s\S]*httpx|httpx[\s\S]*PARTNER_API_TOKEN/);
      return SECRET_SHAPES.filter((shape) => shape.secrets.some((secret) => printedWhole(out.text + err.text, secret) || out.text.includes(encodeURIComponent(secret)))).map((shape) => shape.name);
    };

    /**
     * The shapes whose secrets the CLI run with `args` prints, scanning every shape's folder in
     * one run (each file is analysed on its own; a run starts its worker threads once). A secret
     * counts where it stands as a whole token: one shape's secret can sit inside another's
     * non-secret value (a Twilio account SID ends in the hex of a token shape).
     */
    const leakedBy = async (args: string[]): Promise<string[]> => {
      const out = sink();
      const err = sink();
      await main(['scan', ...args, ...SECRET_SHAPES.map((_, index) => `${index}`)], root, out as never, err as never);
      return SECRET_SHAPES.filter((shape) => shape.secrets.some((secret) => printedWhole(out.text + err.text, secret))).map((shape) => shape.name);
    };

    for (const format of ['text', 'json', 'sarif']) {
      it(`prints no secret in the ${format} format`, async () => {
        assert.deepEqual(await leakedBy(['--format', format]), []);
      });
    }

    for (const format of ['text', 'json', 'markdown', 'mermaid']) {
      it(`map prints no secret in the ${format} format`, async () => {
        assert.deepEqual(await leakedByMap(format), []);
      });
    }

    it('prints no secret in --fix-dry-run diffs', async () => {
      const out = sink();
      await main(['scan', '--fix-dry-run', '0'], root, out as never, sink() as never);
      assert.match(out.text, /^\+fetch\('https:/m);
      assert.deepEqual(await leakedBy(['--fix-dry-run']), []);
    });
  });
});
