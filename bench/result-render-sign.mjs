// Rendering and signing a result, as the approval does it (src/results/result-issuer.service.ts): the
// body from the template, the PDF with its QR code (pdfkit, embedded Vietnamese font), the agency's
// PAdES signature, and storing the file with its SHA-256 (local storage) — everything but the two SQL
// statements. Target (issue):
// under 100 ms median. The agency's key is generated once before measuring (first use only).
// Usage: npm run bench:result   Knobs: ITERATIONS (200), WARMUP (10).
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { renderResult } from '../dist/results/pdf/render-result.js';
import { renderResultBody } from '../dist/results/result-template.js';
import { toResultView } from '../dist/results/result-view.js';
import { SigningService } from '../dist/signing/signing.service.js';
import { LocalFileStorage } from '../dist/dossiers/files/storage.js';

const ITERATIONS = Number(process.env.ITERATIONS ?? 200);
const WARMUP = Number(process.env.WARMUP ?? 10);

const BODY = [
  'Họ, chữ đệm, tên: {{formData.childName}}',
  'Ngày, tháng, năm sinh: {{formData.birthDate}}    Giới tính: {{formData.gender}}',
  'Nơi sinh: {{formData.birthPlace}}',
  'Quê quán: {{formData.hometown}}',
  'Dân tộc: Kinh    Quốc tịch: Việt Nam',
  'Số định danh cá nhân của cha: {{formData.fatherCitizenId}}',
  '',
  'Người đi đăng ký khai sinh: {{applicant.fullName}}, số định danh {{applicant.citizenId}}.',
].join('\n');

const dataDir = await mkdtemp(path.join(tmpdir(), 'result-bench-'));
const signing = new SigningService({ dataDir });
const storage = new LocalFileStorage(path.join(dataDir, 'files'));
const agency = { id: '00000000-0000-4000-8000-000000000005', code: 'H12.05', name: 'UBND xã An Phú' };

async function issueOnce(i) {
  const bodyLines = renderResultBody(BODY, {
    formData: {
      childName: `Nguyễn Thị Ánh Dương ${i}`,
      birthDate: '01/10/2025',
      gender: 'Nữ',
      birthPlace: 'Bệnh viện Đa khoa tỉnh Minh Hà',
      hometown: 'xã Ẩn Thượng, tỉnh Minh Hà',
      fatherCitizenId: '001085000123',
    },
    applicant: { fullName: 'Nguyễn Văn An', citizenId: '001090000001' },
    dossier: { code: 'H12.05-261121-0007' },
    documentNo: `${String(i + 1).padStart(4, '0')}/2026/KQ-H12.05`,
    agency: { name: agency.name },
  });
  const view = toResultView({
    title: 'Giấy khai sinh',
    agency: { name: agency.name, parentName: 'UBND tỉnh Minh Hà' },
    documentNo: `${String(i + 1).padStart(4, '0')}/2026/KQ-H12.05`,
    dossierCode: 'H12.05-261121-0007',
    issuedAt: new Date(),
    bodyLines,
    signerName: 'Trần Văn Lãnh',
    publicUrl: 'https://dichvucong.example.gov.vn',
    verifyToken: 'Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4',
  });
  const rendered = await renderResult(view);
  const signed = await signing.sign(rendered, agency);
  await storage.put(signed); // writes the file and hashes it, as the issuer does
  return { rendered, signed };
}

try {
  const keyStart = performance.now();
  const first = await issueOnce(0);
  const firstUseMs = performance.now() - keyStart;
  for (let i = 1; i < WARMUP; i++) await issueOnce(i);
  const render = [];
  const total = [];
  // CPU time of this process per issue: steadier than wall time on a machine shared with other work.
  const cpu = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { rendered } = await issueOnce(i);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    total.push(performance.now() - t0);
    // The rendering alone, for the split.
    const t1 = performance.now();
    await renderResult(
      toResultView({
        title: 'Giấy khai sinh',
        agency: { name: agency.name, parentName: null },
        documentNo: '0001/2026/KQ-H12.05',
        dossierCode: null,
        issuedAt: new Date(),
        bodyLines: ['x'],
        signerName: 'x',
        publicUrl: 'https://x',
        verifyToken: 't',
      }),
    );
    render.push(performance.now() - t1);
    if (rendered.length === 0) throw new Error('empty PDF');
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q) => +s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
    return { median: at(0.5), p90: at(0.9), p99: at(0.99), max: +s.at(-1).toFixed(1) };
  };
  console.log(
    JSON.stringify(
      {
        iterations: ITERATIONS,
        renderAndSignMs: stats(total),
        renderAndSignCpuMs: stats(cpu),
        renderOnlyMs: stats(render),
        firstUseWithKeyGenerationMs: Math.round(firstUseMs),
        pdfBytes: { rendered: first.rendered.length, signed: first.signed.length },
        machine: { nproc: cpus().length, cpu: cpus()[0].model, node: process.version, loadAverage: loadavg().map((l) => +l.toFixed(2)) },
      },
      null,
      2,
    ),
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
