// `node dist/healthcheck.js PORT|WORKER_PORT`: the image's HEALTHCHECK, since node:24-slim has no
// curl. Exits 0 when /healthz on that port answers 200 within 3 s, 1 otherwise.
const variable = process.argv[2] === 'WORKER_PORT' ? 'WORKER_PORT' : 'PORT';
const port = process.env[variable] || (variable === 'PORT' ? '3000' : '3001');
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}

export {};
