import { NextResponse } from 'next/server';
import { auth } from '@/auth';

// Report generation is delegated to the analytics warehouse; this route kicks off a job,
// waits a bounded time for it, and returns either the result or a 202 with a poll URL.

const WAREHOUSE = process.env.WAREHOUSE_API ?? 'https://warehouse-api.analytics.example';
const RENDERER = 'http://pdf-renderer.reports.internal:8080';
const LEGACY_EXPORTER = `http://exports.legacy-bi.example/v1`; // expect: insecure-transport

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startJob(reportId, params, user) {
  const res = await fetch(`${WAREHOUSE}/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user-id': user.id },
    body: JSON.stringify({ reportId, params }),
    signal: AbortSignal.timeout(5_000),
  });
  if (res.status !== 201) throw new Error(`job not created: ${res.status}`);
  return res.json();
}

async function waitForJob(jobId, deadline) {
  // Polls while the job runs; any HTTP failure ends the wait.
  while (Date.now() < deadline) {
    const res = await fetch(`${WAREHOUSE}/jobs/${jobId}`, { signal: AbortSignal.timeout(3_000) });
    if (!res.ok) throw new Error(`job status failed: ${res.status}`);
    const job = await res.json();
    if (job.state === 'succeeded') return job;
    if (job.state === 'failed') throw new Error(job.error);
    await sleep(1_000);
  }
  return null;
}

async function renderPdf(job) {
  const res = await fetch(`${RENDERER}/render`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: job.template, rows: job.resultUrl }),
    signal: AbortSignal.timeout(20_000),
  });
  if (!res.ok) throw new Error(`renderer ${res.status}`);
  return res.arrayBuffer();
}

export async function GET(request, { params }) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });

  const format = request.nextUrl.searchParams.get('format') ?? 'json';
  const { jobId } = await startJob(params.id, Object.fromEntries(request.nextUrl.searchParams), session.user);
  const job = await waitForJob(jobId, Date.now() + 8_000);

  if (!job) {
    return NextResponse.json({ jobId, poll: `/api/reports/${params.id}/jobs/${jobId}` }, { status: 202 });
  }

  if (format === 'pdf') {
    const pdf = await renderPdf(job);
    return new NextResponse(pdf, { headers: { 'content-type': 'application/pdf' } });
  }

  if (format === 'xlsx') {
    const legacy = await fetch(`${LEGACY_EXPORTER}/xlsx?job=${jobId}`, { signal: AbortSignal.timeout(15_000) });
    const file = await legacy.blob(); // expect: unchecked-response-status
    return new NextResponse(file, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  }

  const rows = await fetch(job.resultUrl).then((r) => r.json()); // expect: missing-timeout, unchecked-response-status
  return NextResponse.json({ jobId, rows });
}

export async function DELETE(_request, { params }) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const res = await fetch(`${WAREHOUSE}/reports/${params.id}/cache`, {
    method: 'DELETE',
    signal: AbortSignal.timeout(5_000),
  });
  return new NextResponse(null, { status: res.ok ? 204 : res.status });
}
