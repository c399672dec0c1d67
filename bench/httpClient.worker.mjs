// The benchmarks' HTTP client in its own thread, as a phone or a browser is another machine: its
// requests, JSON parsing and garbage are not the server's. Sequential POSTs; answers each request's
// time (ms), status and body text. Plain JavaScript: a worker thread does not get the tsx loader.
import { parentPort, workerData } from 'node:worker_threads';

const { base, url, requests } = workerData;
const out = [];
for (const r of requests) {
  const t = process.hrtime.bigint();
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
    body: r.body,
  });
  const text = await res.text();
  out.push({ ms: Number(process.hrtime.bigint() - t) / 1e6, status: res.status, text });
}
parentPort.postMessage(out);
