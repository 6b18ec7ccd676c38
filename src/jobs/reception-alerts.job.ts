import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import { RECEPTION_LIMIT_HOURS, receptionAlert } from './alert-rules.js';
import type { AlertsResult } from './due-alerts.job.js';
import { StaffAlerts, type AlertedDossier } from './staff-alerts.js';

/**
 * Online dossiers the counter has not answered within 8 working hours of
 * their submission: the agency's receptionists are told, once per submission.
 */
@Injectable()
export class ReceptionAlertsJob {
  static readonly NAME = 'dossiers-reception-alerts';

  constructor(
    private readonly db: DataSource,
    private readonly calendars: CalendarService,
    private readonly alerts: StaffAlerts,
  ) {}

  async runOnce(now = new Date()): Promise<AlertsResult> {
    const calendar = await this.calendars.calendar();
    // 8 working hours are at least 8 hours: older submissions only; the calendar decides the rest.
    const rows = (await this.db.query(
      `SELECT d.id, d.code, d.procedure_code AS "procedureCode", d.status, d.current_agency_id AS "currentAgencyId",
              d.assignee_id AS "assigneeId", d.rescheduled_at AS "rescheduledAt", d.submitted_at AS "submittedAt",
              ARRAY(SELECT a.due_at FROM dossier_alert a WHERE a.dossier_id = d.id AND a.kind = 'dossier.reception-late') AS "sentDue"
         FROM dossier d
        WHERE d.status = 'SUBMITTED' AND d.submitted_at < $1`,
      [new Date(now.getTime() - RECEPTION_LIMIT_HOURS * 3_600_000)],
    )) as (AlertedDossier & { sentDue: Date[] })[];
    const result: AlertsResult = { sent: 0, recipients: 0 };
    for (const d of rows) {
      const alert = receptionAlert(d, now, calendar);
      if (!alert || d.sentDue.some((t) => t.getTime() === alert.dueAt.getTime())) continue;
      const told = await this.alerts.send(d, alert, { assigneeId: null, role: 'RECEPTIONIST' });
      if (told !== null) {
        result.sent += 1;
        result.recipients += told;
      }
    }
    return result;
  }
}
