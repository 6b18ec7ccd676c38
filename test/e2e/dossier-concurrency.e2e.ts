import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/calendar/calendar.service.js';
import { DossierContextService } from '../../src/dossiers/dossier-context.service.js';
import { setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

/** No upload needed: the only component is replaced by the applicant's profile. */
const procedure = simpleProcedure('1.001193', {
  components: [{ code: 'CCCD', name: { vi: 'Căn cước', en: 'ID card' }, required: true, satisfiedBy: { profile: 'citizenId' } }],
});

let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t, procedure);
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
/** `extra.max` in src/database/data-source.ts. */
const POOL_SIZE = 20;

describe('actions while the pool is busy', () => {
  // Each action holds a pooled connection for its transaction. A query it sent through the pool
  // instead (a cold cache: a procedure version's definition after start-up, the calendar every
  // minute) needed a second one: with all connections held by such transactions, none ever came
  // and the portal hung (found by bench/filing-throughput.mjs at 100 concurrent clients).
  it('submits and receives on a cold cache with only one pooled connection free', async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Bé Na' } })
      .expect(201);
    const context = t.portal.app.get(DossierContextService) as unknown as { definitions: Map<string, unknown> };
    expect(context.definitions.size).toBe(0); // nothing has needed the definition yet
    const calendars = t.portal.app.get(CalendarService);
    calendars.invalidate();

    const db = t.portal.app.get(DataSource);
    const pinned = await Promise.all(
      Array.from({ length: POOL_SIZE - 1 }, async () => {
        const runner = db.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        return runner;
      }),
    );
    try {
      const submitted = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).timeout(10_000).expect(200);
      calendars.invalidate();
      await t.http
        .post(`/api/v1/dossiers/${draft.body.id}/actions/receive`)
        .set(as(cast.receptionist))
        .send({ version: submitted.body.version })
        .timeout(10_000)
        .expect(200);
    } finally {
      await Promise.all(pinned.map(async (r) => (await r.rollbackTransaction(), await r.release())));
    }
  });

  it('files 100 dossiers at once from 100 clients', async () => {
    await t.portal.app.listen(0, '127.0.0.1'); // a real socket: supertest spreads requests out
    const { port } = t.portal.app.getHttpServer().address() as { port: number };
    const post = async (path: string, token: string, body?: object) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/dossiers${path}`, {
        method: 'POST',
        headers: { ...as(token), ...(body && { 'content-type': 'application/json' }) },
        body: body && JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
      return { status: res.status, body: (await res.json()) as { id: string; version: number; code: string } };
    };
    const client = async () => {
      const draft = await post('', cast.citizen, { procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Bé Na' } });
      const submitted = await post(`/${draft.body.id}/submit`, cast.citizen);
      const received = await post(`/${draft.body.id}/actions/receive`, cast.receptionist, { version: submitted.body.version });
      expect([draft.status, submitted.status, received.status]).toEqual([201, 200, 200]);
      return received.body.code;
    };
    const codes = await Promise.all(Array.from({ length: 100 }, client));
    expect(new Set(codes).size).toBe(100);
  });
});
