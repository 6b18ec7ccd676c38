// Catalogue search over 2,000 published procedures, through HTTP on the real app.
// Usage: npm run build && node bench/catalogue-search.mjs   (DATABASE_URL: a server to use; else embedded)
// Target (issue): p95 under 20 ms.
import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { createPortal } from '../dist/bootstrap.js';
import { loadConfig } from '../dist/config/config.js';
import { startEmbeddedPostgres } from '../dist/database/embedded-postgres.js';
import { SEED_PROCEDURES } from '../dist/database/seed/procedures/catalogue.js';

const PROCEDURES = 2000;
const REQUESTS = 2000;
const log = pino({ level: 'warn' });

const words = {
  verbs: ['Đăng ký', 'Cấp', 'Cấp lại', 'Điều chỉnh', 'Gia hạn', 'Xác nhận', 'Chứng thực', 'Thay đổi', 'Thu hồi', 'Công nhận'],
  objects: [
    'khai sinh',
    'kết hôn',
    'khai tử',
    'giấy phép xây dựng',
    'hộ kinh doanh',
    'thông tin cư trú',
    'bản sao',
    'chữ ký',
    'lý lịch tư pháp',
    'trợ cấp xã hội',
    'giấy chứng nhận quyền sử dụng đất',
    'giấy phép lái xe',
    'chứng chỉ hành nghề',
    'biển số nhà',
    'giấy phép kinh doanh',
  ],
  qualifiers: [
    '',
    'có yếu tố nước ngoài',
    'cho người khuyết tật',
    'lưu động',
    'kết hợp',
    'tại cấp xã',
    'đối với doanh nghiệp',
    'trường hợp bị mất',
  ],
  sectors: [
    'Hộ tịch',
    'Chứng thực',
    'Xây dựng',
    'Cư trú',
    'Lý lịch tư pháp',
    'Bảo trợ xã hội',
    'Đất đai',
    'Giao thông',
    'Y tế',
    'Giáo dục',
  ],
};
const pick = (list, i) => list[i % list.length];

async function main() {
  let serverUrl = process.env.DATABASE_URL;
  let embedded;
  let dir;
  if (!serverUrl) {
    dir = await mkdtemp(path.join(tmpdir(), 'portal-bench-'));
    await chmod(dir, 0o755);
    embedded = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: 55000 + Math.floor(Math.random() * 5000), log });
    serverUrl = embedded.url('postgres');
  }
  const dbName = `portal_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;

  const portal = await createPortal(
    loadConfig({
      NODE_ENV: 'test',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
      DATABASE_URL: url.toString(),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    }),
    log,
  );
  try {
    await seed(url.toString());
    await portal.app.listen(0, '127.0.0.1');
    const { port } = portal.app.getHttpServer().address();
    const base = `http://127.0.0.1:${port}/api/v1/procedures`;
    const queries = [
      'q=dang ky khai sinh',
      'q=cap lai giay phep',
      'q=chứng thực bản sao',
      'q=ket hon nuoc ngoai',
      'q=tro cap',
      'q=xac nhan cu tru',
      `sector=${encodeURIComponent('Hộ tịch')}`,
      'q=ly lich&level=PROVINCE',
      'agencyCode=B01.03',
      'q=giay&page=3',
      'q=thu hoi chung chi hanh nghe',
      'q=bien so nha',
    ];
    for (let i = 0; i < 200; i++) await fetch(`${base}?${pick(queries, i)}`).then((r) => r.arrayBuffer()); // warm-up
    const times = [];
    let results = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const res = await fetch(`${base}?${pick(queries, i)}`);
      const body = await res.json();
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      results += body.items.length;
    }
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
    console.log(
      JSON.stringify(
        {
          procedures: PROCEDURES,
          requests: REQUESTS,
          sequential: true,
          avgResults: +(results / REQUESTS).toFixed(1),
          p50ms: q(0.5),
          p95ms: q(0.95),
          p99ms: q(0.99),
          maxMs: times.at(-1).toFixed(2),
          node: process.version,
          cpu: cpus()[0].model,
          cores: cpus().length,
        },
        null,
        2,
      ),
    );
  } finally {
    await portal.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/** 2,000 published procedures spread over 10 sectors, 3 levels and 40 agencies, with the demo catalogue's real-sized forms. */
async function seed(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('BEGIN');
  for (let i = 0; i < PROCEDURES; i++) {
    const name = `${pick(words.verbs, i)} ${pick(words.objects, Math.floor(i / 10))} ${pick(words.qualifiers, Math.floor(i / 150))}`.trim();
    const sector = pick(words.sectors, Math.floor(i / 7));
    const level = pick(['COMMUNE', 'DEPARTMENT', 'PROVINCE'], i);
    const agency = `B01.${String(i % 40).padStart(2, '0')}`;
    // Real-sized definitions (the demo catalogue's forms and components) under synthetic names.
    const definition = {
      ...pick(SEED_PROCEDURES, i).definition,
      name: { vi: name, en: `Procedure ${i}` },
      sector,
      level,
      agencyCodes: [agency],
      serviceLevel: i % 2 ? 'FULL' : 'PARTIAL',
    };
    const code = `9.${String(i).padStart(6, '0')}`;
    const { rows } = await db.query(
      `INSERT INTO procedure (code, current_version, name, name_en, sector, level, agency_codes, service_level)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [code, name, definition.name.en, sector, level, [agency], definition.serviceLevel],
    );
    await db.query(
      `INSERT INTO procedure_version (procedure_id, version, status, definition, published_at) VALUES ($1, 1, 'PUBLISHED', $2, now())`,
      [rows[0].id, definition],
    );
  }
  await db.query('COMMIT');
  await db.query('ANALYZE procedure; ANALYZE procedure_version');
  await db.end();
}

await main();
