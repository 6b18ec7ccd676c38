/**
 * A dossier's life as the detail query returns it, for the unit tests of the
 * mapper and the PDF builders (in test/ so the build never ships it).
 * Times are UTC; local time is +7. No holidays in the calendar, so the
 * arithmetic is easy to follow: 2026-11-23 is a Monday.
 */
import { WorkCalendar } from '../../src/calendar/working-time.js';
import type { DossierDetail } from '../../src/dossiers/dossier-queries.service.js';
import type { DossierEntity, DossierEventEntity, DossierFileEntity } from '../../src/dossiers/dossier.entity.js';
import type { ProcedureDefinition } from '../../src/procedures/forms/definition.js';
import type { DocumentSource } from '../../src/documents/to-document-view.js';

export const IDS = {
  dossier: '0b6c1a3e-5d1f-4a53-9f0c-7d4f2b1e9a11',
  citizen: 'c0000000-0000-4000-8000-000000000001',
  receptionist: 'c0000000-0000-4000-8000-000000000002',
  specialist: 'c0000000-0000-4000-8000-000000000003',
  leader: 'c0000000-0000-4000-8000-000000000004',
  otherAgency: 'a0000000-0000-4000-8000-000000000006',
};

export const definition = {
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  processingTime: { workingDays: 10 },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: 15,
  components: [
    { code: 'GCS', name: { vi: 'Giấy chứng sinh' }, required: true },
    { code: 'CCCD', name: { vi: 'Căn cước của người đi khai' }, required: true, satisfiedBy: { profile: 'citizenId' } },
    { code: 'KHAC', name: { vi: 'Giấy tờ khác' }, required: false },
  ],
  workflow: {
    steps: [
      { key: 'reception', role: 'RECEPTIONIST', share: 0.1 },
      { key: 'processing', role: 'SPECIALIST', share: 0.6 },
      { key: 'approval', role: 'LEADER', share: 0.3 },
    ],
  },
} as unknown as ProcedureDefinition;

type EventInput = Partial<DossierEventEntity> & Pick<DossierEventEntity, 'at' | 'action' | 'toStatus'>;

let nextEventId = 1;
export function event(e: EventInput): DossierEventEntity {
  return {
    id: String(nextEventId++),
    dossierId: IDS.dossier,
    actorId: null,
    actorRole: 'SYSTEM',
    fromStatus: null,
    fromStep: null,
    toStep: null,
    comment: null,
    data: {},
    ...e,
  } as DossierEventEntity;
}

const at = (iso: string) => new Date(iso);

/** Filed Friday, received Monday 09:00, a supplement asked and answered, extended, refused after processing and approved late. */
export function refusedAfterProcessing(): DossierDetail {
  const events = [
    event({ at: at('2026-11-20T03:00:00Z'), action: 'create', actorId: IDS.citizen, actorRole: 'CITIZEN', toStatus: 'DRAFT' }),
    event({
      at: at('2026-11-20T03:05:00Z'),
      action: 'submit',
      actorId: IDS.citizen,
      actorRole: 'CITIZEN',
      fromStatus: 'DRAFT',
      toStatus: 'SUBMITTED',
    }),
    event({
      at: at('2026-11-23T02:00:00Z'),
      action: 'receive',
      actorId: IDS.receptionist,
      actorRole: 'RECEPTIONIST',
      fromStatus: 'SUBMITTED',
      toStatus: 'IN_PROGRESS',
      toStep: 'processing',
    }),
    event({
      at: at('2026-11-24T02:00:00Z'),
      action: 'request-supplement',
      actorId: IDS.specialist,
      actorRole: 'SPECIALIST',
      fromStatus: 'IN_PROGRESS',
      fromStep: 'processing',
      toStatus: 'SUPPLEMENT_REQUESTED',
      toStep: 'processing',
      comment: 'Bản chụp bị mờ',
      data: { items: ['Bản sao giấy chứng sinh rõ nét', 'Giấy xác nhận cư trú'] },
    }),
    event({
      at: at('2026-11-25T02:00:00Z'),
      action: 'answer-supplement',
      actorId: IDS.citizen,
      actorRole: 'CITIZEN',
      fromStatus: 'SUPPLEMENT_REQUESTED',
      fromStep: 'processing',
      toStatus: 'IN_PROGRESS',
      toStep: 'processing',
      comment: 'Đã bổ sung',
    }),
    event({
      at: at('2026-11-26T02:00:00Z'),
      action: 'extend',
      actorId: IDS.specialist,
      actorRole: 'SPECIALIST',
      fromStatus: 'IN_PROGRESS',
      fromStep: 'processing',
      toStatus: 'IN_PROGRESS',
      toStep: 'processing',
      data: { reason: 'Cần xác minh tại nơi cư trú', newDueAt: '2026-12-14T10:00:00.000Z' },
    }),
    event({
      at: at('2026-11-27T02:00:00Z'),
      action: 'propose-rejection',
      actorId: IDS.specialist,
      actorRole: 'SPECIALIST',
      fromStatus: 'IN_PROGRESS',
      fromStep: 'processing',
      toStatus: 'AWAITING_APPROVAL',
      toStep: 'approval',
      comment: 'Không đủ điều kiện',
    }),
    event({
      at: at('2026-12-10T02:00:00Z'),
      action: 'approve',
      actorId: IDS.leader,
      actorRole: 'LEADER',
      fromStatus: 'AWAITING_APPROVAL',
      fromStep: 'approval',
      toStatus: 'REJECTED',
    }),
  ];
  const files = [
    file({ componentCode: 'GCS', fileName: 'giay-chung-sinh-cu.pdf', replacedAt: at('2026-11-25T01:00:00Z') }),
    file({ componentCode: 'GCS', fileName: 'giay-chung-sinh.pdf', source: 'SUPPLEMENT' }),
  ];
  return {
    dossier: dossier({
      status: 'REJECTED',
      reason: 'Người đi khai không phải cha, mẹ hoặc người thân thích của trẻ',
      receivedAt: at('2026-11-23T02:00:00Z'),
      clockStart: at('2026-11-25T02:00:00Z'),
      dueAt: at('2026-12-09T02:00:00Z'),
      rescheduledAt: at('2026-12-14T10:00:00Z'),
      completedAt: at('2026-12-10T02:00:00Z'),
      extended: true,
    }),
    events,
    files,
    agency: { code: 'H12.05', name: 'UBND xã An Phú' },
    procedureName: 'Đăng ký khai sinh',
  };
}

export function dossier(patch: Partial<DossierEntity>): DossierEntity {
  return {
    id: IDS.dossier,
    code: 'H12.05-261123-0007',
    procedureCode: '1.001193',
    applicantId: IDS.citizen,
    channel: 'ONLINE',
    status: 'IN_PROGRESS',
    step: null,
    reason: null,
    receivedAt: null,
    clockStart: null,
    dueAt: null,
    rescheduledAt: null,
    completedAt: null,
    supplementDueAt: null,
    formData: { childName: 'Nguyễn Bé Na' },
    ...patch,
  } as DossierEntity;
}

function file(patch: Partial<DossierFileEntity>): DossierFileEntity {
  return {
    dossierId: IDS.dossier,
    source: 'UPLOAD',
    replacedAt: null,
    uploadedAt: new Date('2026-11-20T03:00:00Z'),
    ...patch,
  } as DossierFileEntity;
}

export function source(detail: DossierDetail, patch: Partial<DocumentSource> = {}): DocumentSource {
  return {
    detail,
    definition,
    calendar: new WorkCalendar({ holidays: [], workdays: [] }),
    applicant: { name: 'Nguyễn Văn An', citizenId: '001090000001', phone: '0912345678', email: 'an@example.vn' },
    issuer: { name: 'UBND xã An Phú', parentName: 'UBND tỉnh Minh Hà' },
    people: new Map([
      [IDS.receptionist, 'Trần Thu Hà'],
      [IDS.specialist, 'Lê Minh Tuấn'],
      [IDS.leader, 'Phạm Quốc Bảo'],
    ]),
    agencies: new Map([[IDS.otherAgency, 'UBND phường Hoà Bình']]),
    publicUrl: 'https://dichvucong.example.vn',
    ...patch,
  };
}
