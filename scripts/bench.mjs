// Measures analysis speed and memory on generated files of realistic shape; prints a table
// and writes .bench/results.json. Targets are judged here, never in a timed test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
process.env.IE_BENCH = '1';
const { analyzeForBench } = require('../dist/bench.js');

const unit = (i) => `
import axios from 'axios';
const client${i} = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
export async function load${i}(id: string) {
  const res = await fetch(\`https://api.example.com/items/\${id}\`, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error(String(res.status));
  const body = await res.json();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await client${i}.get('/x/' + body.id);
    } catch (error) {
      await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
    }
  }
  console.log('done', { id });
}
`;

function fileOf(lines) {
  let text = '';
  for (let i = 0; text.split('\n').length < lines; i++) text += unit(i);
  return text;
}

function measure(name, text, runs) {
  analyzeForBench('warmup.ts', text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    analyzeForBench(`bench-${i}.ts`, text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, lines: text.split('\n').length, runs, minMs: +times[0].toFixed(1), medianMs: +times[Math.floor(runs / 2)].toFixed(1), maxMs: +times[runs - 1].toFixed(1) };
}

const results = [measure('500-line file', fileOf(500), 20), measure('2,000-line file', fileOf(2000), 10), measure('10,000-line file', fileOf(10000), 5)];
const heapMb = +(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1);
console.log('case               lines   min ms  median ms   max ms');
for (const r of results) console.log(`${r.name.padEnd(18)} ${String(r.lines).padStart(6)} ${String(r.minMs).padStart(8)} ${String(r.medianMs).padStart(10)} ${String(r.maxMs).padStart(8)}`);
console.log(`heap used after runs: ${heapMb} MB`);
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, results, heapMb }, null, 2));
console.log('wrote .bench/results.json');
