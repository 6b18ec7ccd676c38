// Profiles the filing path of bench/filing-throughput.mjs without load: N dossiers filed one
// after another (create → submit → receive) on the real app, counting the SQL statements each
// request sends. Usage: npm run build && BENCH_COUNT_QUERIES=1 node bench/profile-filing.mjs
import { performance } from 'node:perf_hooks';
import { FORM, PASSWORD, PROCEDURE_CODE, seed } from './seed.mjs';
import { databaseServer, freshDatabase, login, startServer } from './support.mjs';

const N = Number(process.env.N ?? 50);
/** Drafts created first, uncounted in the times (JIT, caches); their statements are counted. */
const WARMUP = Number(process.env.WARMUP ?? 0);
const server = await databaseServer();
const db = await freshDatabase(server.url, `portal_bench_profile_${process.pid}`);
try {
  const { citizens, receptionist } = await seed(db.url, 1);
  const app = await startServer(
    'filing-app-server.mjs',
    [db.url],
    process.env.BENCH_COUNT_QUERIES === '0' ? {} : { BENCH_COUNT_QUERIES: '1' },
  );
  try {
    const base = `http://127.0.0.1:${app.port}/api/v1/dossiers`;
    const citizen = await login(app.port, citizens[0].email, PASSWORD);
    const staff = await login(app.port, receptionist.email, PASSWORD);
    const post = (url, token, body) =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
        body: body && JSON.stringify(body),
      }).then(async (r) => {
        if (r.status >= 300) throw new Error(`${url}: ${r.status} ${await r.text()}`);
        return r.json();
      });
    const times = { create: 0, submit: 0, receive: 0 };
    const cpuBefore = app.cpuMs();
    for (let i = 0; i < WARMUP; i++) await post(base, citizen, { procedureCode: PROCEDURE_CODE, agencyCode: 'H12.05', formData: FORM });
    for (let i = 0; i < N; i++) {
      let t = performance.now();
      const d = await post(base, citizen, { procedureCode: PROCEDURE_CODE, agencyCode: 'H12.05', formData: FORM });
      times.create += performance.now() - t;
      t = performance.now();
      const s = await post(`${base}/${d.id}/submit`, citizen);
      times.submit += performance.now() - t;
      t = performance.now();
      await post(`${base}/${d.id}/actions/receive`, staff, { version: s.version });
      times.receive += performance.now() - t;
    }
    const cpuPerDossier = (app.cpuMs() - cpuBefore) / N;
    console.log(
      JSON.stringify({
        ...Object.fromEntries(Object.entries(times).map(([k, v]) => [`${k}Ms`, +(v / N).toFixed(2)])),
        // The server's own CPU (user + system) per dossier, i.e. per three requests.
        serverCpuMsPerDossier: Number.isFinite(cpuPerDossier) ? +cpuPerDossier.toFixed(2) : null,
      }),
    );
  } finally {
    await app.stop();
  }
} finally {
  await db.drop();
  await server.stop();
}
