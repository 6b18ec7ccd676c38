import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import type { Role } from '../common/roles.js';
import { DossierContextService } from '../dossiers/dossier-context.service.js';
import { dueAlert } from './alert-rules.js';
import { StaffAlerts, type AlertedDossier } from './staff-alerts.js';

/** Within this much calendar time of the appointment a dossier may be due soon: one working day can span a long holiday (Tết). */
const HORIZON_MS = 30 * 24 * 3_600_000;

export interface AlertsResult {
  /** Alerts sent now, and to how many people in all. */
  sent: number;
  recipients: number;
}

/**
 * Near-due and overdue dossiers (clock running): the assignee is told, or,
 * when nobody is assigned, the officers of the current step's role at the
 * dossier's agency. Once per dossier, kind and appointment (dossier_alert).
 */
@Injectable()
export class DueAlertsJob {
  static readonly NAME = 'dossiers-due-alerts';

  constructor(
    private readonly db: DataSource,
    private readonly calendars: CalendarService,
    private readonly context: DossierContextService,
    private readonly alerts: StaffAlerts,
  ) {}

  async runOnce(now = new Date()): Promise<AlertsResult> {
    const calendar = await this.calendars.calendar();
    const rows = (await this.db.query(
      `SELECT d.id, d.code, d.procedure_code AS "procedureCode", d.procedure_version_id AS "versionId", d.status, d.step,
              d.current_agency_id AS "currentAgencyId", d.assignee_id AS "assigneeId",
              d.due_at AS "dueAt", d.rescheduled_at AS "rescheduledAt", d.submitted_at AS "submittedAt",
              ARRAY(SELECT a.kind FROM dossier_alert a
                     WHERE a.dossier_id = d.id AND a.due_at = coalesce(d.rescheduled_at, d.due_at))::text[] AS sent
         FROM dossier d
        WHERE d.status IN ('IN_PROGRESS', 'AWAITING_APPROVAL') AND d.completed_at IS NULL
          AND coalesce(d.rescheduled_at, d.due_at) < $1`,
      [new Date(now.getTime() + HORIZON_MS)],
    )) as (AlertedDossier & { versionId: string; step: string | null; dueAt: Date; sent: string[] })[];
    const result: AlertsResult = { sent: 0, recipients: 0 };
    for (const d of rows) {
      const alert = dueAlert(d, now, calendar);
      if (!alert || d.sent.includes(alert.kind)) continue;
      const told = await this.alerts.send(d, alert, { assigneeId: d.assigneeId, role: await this.stepRole(d.versionId, d.step) });
      if (told !== null) {
        result.sent += 1;
        result.recipients += told;
      }
    }
    return result;
  }

  /** The role that acts at the dossier's current step (a leader when the step is unknown: the one who answers for the delay). */
  private async stepRole(versionId: string, step: string | null): Promise<Role> {
    const definition = await this.context.definition(versionId);
    return (definition.workflow.steps.find((s) => s.key === step)?.role as Role | undefined) ?? 'LEADER';
  }
}
