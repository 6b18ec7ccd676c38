import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/common/roles.js';
import { DossierQueriesService } from '../../src/dossiers/dossier-queries.service.js';
import { DossierEventEntity, DossierFileEntity } from '../../src/dossiers/dossier.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import { PDF, PNG, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t);
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the dossier detail', () => {
  // DossierQueriesService.get reads the events and files as JSON in the dossier's own query.
  it('gives the same events and files as reading their tables', async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Bé Na' } })
      .expect(201);
    const id = draft.body.id as string;
    for (const [bytes, name] of [
      [PDF, 'a.pdf'],
      [PNG, 'b.png'],
    ] as const) {
      await t.http
        .post(`/api/v1/dossiers/${id}/files`)
        .set(as(cast.citizen))
        .field('componentCode', 'GCS')
        .attach('file', bytes, name)
        .expect(201);
    }
    const submitted = await t.http.post(`/api/v1/dossiers/${id}/submit`).set(as(cast.citizen)).expect(200);
    const received = await t.http
      .post(`/api/v1/dossiers/${id}/actions/receive`)
      .set(as(cast.receptionist))
      .send({ version: submitted.body.version })
      .expect(200);
    await t.http
      .post(`/api/v1/dossiers/${id}/actions/request-supplement`)
      .set(as(cast.specialist))
      .send({ version: received.body.version, items: ['Bản rõ hơn'], comment: 'Ảnh mờ' })
      .expect(200);

    const db = t.portal.app.get(DataSource);
    const [citizenId] = await t.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'an@example.vn'`);
    const citizen = (await t.portal.app.get(UsersService).findPrincipal(citizenId.id)) as Principal;
    const detail = await t.portal.app.get(DossierQueriesService).get(citizen, id);

    const events = await db.getRepository(DossierEventEntity).find({ where: { dossierId: id }, order: { id: 'ASC' } });
    const files = await db.getRepository(DossierFileEntity).find({ where: { dossierId: id }, order: { uploadedAt: 'ASC' } });
    expect(events.map((e) => e.action)).toEqual(['create', 'submit', 'receive', 'request-supplement']);
    expect(files).toHaveLength(2);
    expect(files[0].replacedAt).toBeInstanceOf(Date);
    expect(detail.events).toEqual(events);
    expect(detail.files).toEqual(files);
    expect(detail.events.every((e) => e instanceof DossierEventEntity && e.at instanceof Date)).toBe(true);
    expect(detail.files.every((f) => f instanceof DossierFileEntity && typeof f.sizeBytes === 'number')).toBe(true);
    expect(detail).toMatchObject({ agency: { code: 'H12.05', name: 'Agency H12.05' }, procedureName: 'Đăng ký khai sinh' });
  });
});
