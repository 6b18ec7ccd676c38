import { AgencyEntity } from '../agencies/agency.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { CalendarDayEntity } from '../calendar/calendar-day.entity.js';
import { CalendarYearEntity } from '../calendar/calendar-year.entity.js';
import { DossierEntity, DossierEventEntity, DossierFileEntity } from '../dossiers/dossier.entity.js';
import { ProcedureEntity, ProcedureVersionEntity } from '../procedures/procedure.entity.js';
import { UserEntity } from '../users/user.entity.js';

export const entities = [
  AgencyEntity,
  UserEntity,
  AuditEventEntity,
  ProcedureEntity,
  ProcedureVersionEntity,
  CalendarDayEntity,
  CalendarYearEntity,
  DossierEntity,
  DossierEventEntity,
  DossierFileEntity,
];
