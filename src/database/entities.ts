import { AgencyEntity } from '../agencies/agency.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { UserEntity } from '../users/user.entity.js';

export const entities = [AgencyEntity, UserEntity, AuditEventEntity];
