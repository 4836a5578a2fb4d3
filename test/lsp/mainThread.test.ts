import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/processes.js';

/** A line only the TypeScript compiler's own source has: its parser's entry point. */
const COMPILER = /\bfunction createSourceFile\(fileName, sourceText, languageVersionOrOptions/;

describe("the server's main thread", () => {
  it("loads no parser: the engine is in the workers' bundle, not in the one the editor starts", () => {
    const server = readFileSync(resolve(ROOT, 'dist/server.js'), 'utf8');
    const worker = readFileSync(resolve(ROOT, 'dist/worker.js'), 'utf8');
    assert.match(worker, COMPILER, "the workers' bundle carries the compiler");
    assert.doesNotMatch(server, COMPILER, "the main thread's bundle carries the compiler");
    assert.doesNotMatch(server, /node_modules\/ts-morph\//, "the main thread's bundle carries ts-morph");
    assert.ok(server.length < worker.length / 5, `the main bundle is ${server.length} bytes beside the workers' ${worker.length}`);
  });

  it("the workers' bundle carries the compiler without ts-morph's wrappers, which cost each thread about 20 MB", () => {
    const worker = readFileSync(resolve(ROOT, 'dist/worker.js'), 'utf8');
    // ts-morph's node wrappers and its common library's file systems: nothing in the engine uses them.
    assert.doesNotMatch(worker, /getDescendantsOfKind|InMemoryFileSystemHost/);
  });
});
