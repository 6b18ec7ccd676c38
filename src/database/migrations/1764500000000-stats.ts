import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ratings, and the facts the statistics count (src/stats/README.md).
 *
 * `stats_dossier` (one row per received dossier) and `stats_clock_span` (one
 * row per stretch of running clock) are derived from `dossier_event` by a
 * trigger, in the transaction that appends the event: the dashboard reads
 * small indexed tables instead of folding the event log at every request,
 * and the numbers never lag behind the events.
 */
export class Stats1764500000000 implements MigrationInterface {
  name = 'Stats1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rating (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL CONSTRAINT rating_dossier_key UNIQUE REFERENCES dossier(id),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text,
        rated_by uuid REFERENCES app_user(id),
        rated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rating_rated_at_idx ON rating (rated_at)`);

    await q.query(`
      CREATE TABLE stats_dossier (
        dossier_id uuid PRIMARY KEY REFERENCES dossier(id),
        agency_id uuid NOT NULL,
        procedure_id uuid NOT NULL,
        procedure_code varchar(64) NOT NULL,
        channel varchar(8) NOT NULL,
        received_at timestamptz NOT NULL,
        has_fee boolean NOT NULL,
        digitised boolean NOT NULL,
        -- The procedure version has a component that data can satisfy: the reuse rate's denominator.
        reusable boolean NOT NULL,
        -- Paid online (a payment by an online channel that reached PAID, or the import's flag), and a
        -- component reused from data: kept current by the triggers on payment and component_reuse too.
        paid_online boolean NOT NULL DEFAULT false,
        reused boolean NOT NULL DEFAULT false,
        completed_at timestamptz,
        outcome varchar(8),
        -- Working hours from reception to completion, with the calendar in force at completion.
        processing_hours double precision,
        -- Completion, stop or withdrawal: no longer in progress.
        ended_at timestamptz,
        -- The current step's deadline, for the officers' on-time count.
        step_due_at timestamptz,
        -- The due instant while the clock runs now; null while waiting for the citizen or once ended.
        -- "Overdue as of now" reads it; an earlier "as of" reads stats_clock_span.
        clock_due_at timestamptz,
        -- The rating (one per dossier), copied by the trigger on rating.
        rated_at timestamptz,
        rating_score smallint
      )`);
    // Covering indexes: each base of the counts is one index-only range scan over the period.
    const filters = 'agency_id, procedure_id, procedure_code';
    await q.query(`CREATE INDEX stats_dossier_received_idx ON stats_dossier (received_at)
      INCLUDE (${filters}, channel, has_fee, paid_online, digitised, reusable, reused)`);
    await q.query(`CREATE INDEX stats_dossier_completed_idx ON stats_dossier (completed_at)
      INCLUDE (${filters}, outcome, processing_hours) WHERE completed_at IS NOT NULL`);
    await q.query(`CREATE INDEX stats_dossier_open_idx ON stats_dossier (received_at)
      INCLUDE (${filters}, clock_due_at) WHERE ended_at IS NULL`);
    await q.query(
      `CREATE INDEX stats_dossier_rated_idx ON stats_dossier (rated_at) INCLUDE (${filters}, rating_score) WHERE rated_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX stats_dossier_ended_idx ON stats_dossier (ended_at) INCLUDE (received_at, ${filters}) WHERE ended_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE stats_clock_span (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        agency_id uuid NOT NULL,
        started_at timestamptz NOT NULL,
        stopped_at timestamptz,
        -- The legal due instant while this stretch runs (an extension never moves it).
        due_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX stats_clock_span_dossier_idx ON stats_clock_span (dossier_id) INCLUDE (started_at, stopped_at, due_at)`);

    // One row per step hand-over by an officer: the officer KPIs (handled, on time against the step deadline).
    await q.query(`
      CREATE TABLE stats_step_action (
        event_id bigint PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier(id),
        agency_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        step varchar(64) NOT NULL,
        action varchar(32) NOT NULL,
        at timestamptz NOT NULL,
        step_due_at timestamptz
      )`);
    await q.query(`CREATE INDEX stats_step_action_at_idx ON stats_step_action (at, actor_id)`);
    await q.query(`CREATE INDEX dossier_event_actor_idx ON dossier_event (actor_id, dossier_id) WHERE actor_id IS NOT NULL`);

    // Working hours between two instants with the default periods (07:30–11:30, 13:00–17:00 local), the
    // same arithmetic as calendar/working-time.ts (CalendarService has no other periods yet).
    await q.query(`
      CREATE FUNCTION stats_working_hours(a timestamptz, b timestamptz) RETURNS double precision
      LANGUAGE sql STABLE AS $$
        SELECT COALESCE(sum(
                 GREATEST(0, extract(epoch FROM LEAST(lb, g.d + time '11:30') - GREATEST(la, g.d + time '07:30'))) +
                 GREATEST(0, extract(epoch FROM LEAST(lb, g.d + time '17:00') - GREATEST(la, g.d + time '13:00')))
               ), 0)::double precision / 3600
          FROM (SELECT a AT TIME ZONE 'Asia/Ho_Chi_Minh' AS la, b AT TIME ZONE 'Asia/Ho_Chi_Minh' AS lb) t
          CROSS JOIN LATERAL generate_series(date_trunc('day', t.la), date_trunc('day', t.lb), interval '1 day') AS g(d)
          LEFT JOIN calendar_day c ON c.date = g.d::date
         WHERE c.kind = 'WORKDAY' OR (c.kind IS NULL AND extract(isodow FROM g.d) < 6)
      $$`);

    // Payments and reused components belong to other modules, whose tables may come later: read
    // through functions that answer false without them, and followed by triggers where they exist.
    await q.query(`
      CREATE FUNCTION stats_paid_online(dossier uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF to_regclass('payment') IS NULL THEN RETURN false; END IF;
        RETURN EXISTS (SELECT 1 FROM payment p WHERE p.dossier_id = dossier AND p.channel = 'ONLINE'
                                                 AND p.status IN ('PAID', 'REFUNDED'));
      END $$`);
    await q.query(`
      CREATE FUNCTION stats_reused(dossier uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF to_regclass('component_reuse') IS NULL THEN RETURN false; END IF;
        RETURN EXISTS (SELECT 1 FROM component_reuse u WHERE u.dossier_id = dossier);
      END $$`);
    await q.query(`
      CREATE FUNCTION stats_on_payment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.channel = 'ONLINE' AND NEW.status IN ('PAID', 'REFUNDED') THEN
          UPDATE stats_dossier SET paid_online = true WHERE dossier_id = NEW.dossier_id AND NOT paid_online;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION stats_on_rating() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE stats_dossier SET rated_at = NEW.rated_at, rating_score = NEW.score WHERE dossier_id = NEW.dossier_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER stats_on_rating AFTER INSERT ON rating FOR EACH ROW EXECUTE FUNCTION stats_on_rating()`);
    await q.query(`
      CREATE FUNCTION stats_on_component_reuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE stats_dossier SET reused = true WHERE dossier_id = NEW.dossier_id AND NOT reused;
        RETURN NULL;
      END $$`);
    await q.query(`
      DO $$ BEGIN
        IF to_regclass('payment') IS NOT NULL THEN
          CREATE TRIGGER stats_on_payment AFTER INSERT OR UPDATE OF status ON payment
            FOR EACH ROW EXECUTE FUNCTION stats_on_payment();
        END IF;
        IF to_regclass('component_reuse') IS NOT NULL THEN
          CREATE TRIGGER stats_on_component_reuse AFTER INSERT ON component_reuse
            FOR EACH ROW EXECUTE FUNCTION stats_on_component_reuse();
        END IF;
      END $$`);

    await q.query(`
      CREATE FUNCTION stats_apply_event(e dossier_event) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        d dossier%ROWTYPE;
        due timestamptz;
        cur_step_due timestamptz;
      BEGIN
        IF e.action IN ('receive', 'counter-intake') THEN
          SELECT * INTO d FROM dossier WHERE id = e.dossier_id;
          due := COALESCE((e.data->>'dueAt')::timestamptz, d.due_at);
          INSERT INTO stats_dossier (dossier_id, agency_id, procedure_id, procedure_code, channel, received_at, has_fee,
                                     digitised, reusable, paid_online, reused, step_due_at, clock_due_at)
          VALUES (d.id, d.agency_id, d.procedure_id, d.procedure_code, d.channel, e.at, d.fee_amount > 0, d.digitised,
                  EXISTS (SELECT 1 FROM procedure_version v, jsonb_array_elements(v.definition->'components') c
                           WHERE v.id = d.procedure_version_id AND c ? 'satisfiedBy'),
                  COALESCE((d.import_extra->>'paidOnline')::boolean, false) OR stats_paid_online(d.id),
                  stats_reused(d.id), d.step_due_at, due)
          ON CONFLICT (dossier_id) DO NOTHING;
          INSERT INTO stats_clock_span (dossier_id, agency_id, started_at, due_at) VALUES (d.id, d.agency_id, e.at, due);
          RETURN;
        END IF;

        SELECT s.step_due_at INTO cur_step_due FROM stats_dossier s WHERE s.dossier_id = e.dossier_id;
        IF NOT FOUND THEN
          RETURN; -- never received: nothing the statistics count
        END IF;

        IF e.actor_id IS NOT NULL AND e.from_step IS NOT NULL
           AND e.action IN ('forward', 'propose-result', 'propose-rejection', 'approve') THEN
          INSERT INTO stats_step_action (event_id, dossier_id, agency_id, actor_id, step, action, at, step_due_at)
          SELECT e.id, e.dossier_id, s.agency_id, e.actor_id, e.from_step, e.action, e.at, cur_step_due
            FROM stats_dossier s WHERE s.dossier_id = e.dossier_id;
        END IF;

        CASE e.action
          WHEN 'forward' THEN
            UPDATE stats_dossier SET step_due_at = (SELECT step_due_at FROM dossier WHERE id = e.dossier_id)
             WHERE dossier_id = e.dossier_id;
          WHEN 'request-supplement' THEN
            UPDATE stats_clock_span SET stopped_at = e.at WHERE dossier_id = e.dossier_id AND stopped_at IS NULL;
            UPDATE stats_dossier SET clock_due_at = NULL WHERE dossier_id = e.dossier_id;
          WHEN 'answer-supplement' THEN
            SELECT * INTO d FROM dossier WHERE id = e.dossier_id;
            due := COALESCE((e.data->>'dueAt')::timestamptz, d.due_at);
            INSERT INTO stats_clock_span (dossier_id, agency_id, started_at, due_at) VALUES (d.id, d.agency_id, e.at, due);
            UPDATE stats_dossier SET clock_due_at = due WHERE dossier_id = e.dossier_id;
          WHEN 'approve' THEN
            SELECT * INTO d FROM dossier WHERE id = e.dossier_id;
            UPDATE stats_clock_span SET stopped_at = e.at WHERE dossier_id = e.dossier_id AND stopped_at IS NULL;
            UPDATE stats_dossier s SET completed_at = e.at, ended_at = e.at, outcome = d.outcome, clock_due_at = NULL,
                   processing_hours = stats_working_hours(s.received_at, e.at)
             WHERE s.dossier_id = e.dossier_id;
            -- An imported rating has no event of its own: it is kept with the completion.
            IF (d.import_extra->'rating'->>'score') IS NOT NULL THEN
              INSERT INTO rating (dossier_id, score, comment, rated_at)
              VALUES (d.id, (d.import_extra->'rating'->>'score')::smallint, d.import_extra->'rating'->>'comment',
                      COALESCE((d.import_extra->'rating'->>'at')::timestamptz, e.at))
              ON CONFLICT (dossier_id) DO NOTHING;
            END IF;
          WHEN 'stop', 'withdraw' THEN
            UPDATE stats_clock_span SET stopped_at = e.at WHERE dossier_id = e.dossier_id AND stopped_at IS NULL;
            UPDATE stats_dossier SET ended_at = e.at, clock_due_at = NULL WHERE dossier_id = e.dossier_id AND ended_at IS NULL;
          ELSE
            NULL;
        END CASE;
      END $$`);
    await q.query(`
      CREATE FUNCTION stats_on_dossier_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stats_apply_event(NEW);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER stats_on_dossier_event AFTER INSERT ON dossier_event
        FOR EACH ROW EXECUTE FUNCTION stats_on_dossier_event()`);

    // Dossiers already on file: replay their events through the same function, in order. Their events
    // were recorded without the reception's due date: the dossier's own due date stands in for it.
    await q.query(`
      DO $$
      DECLARE e dossier_event%ROWTYPE;
      BEGIN
        FOR e IN SELECT * FROM dossier_event ORDER BY dossier_id, id LOOP
          PERFORM stats_apply_event(e);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stats_on_dossier_event ON dossier_event`);
    await q.query(`DROP TRIGGER stats_on_rating ON rating`);
    await q.query(`DO $$ BEGIN
        IF to_regclass('payment') IS NOT NULL THEN DROP TRIGGER IF EXISTS stats_on_payment ON payment; END IF;
        IF to_regclass('component_reuse') IS NOT NULL THEN DROP TRIGGER IF EXISTS stats_on_component_reuse ON component_reuse; END IF;
      END $$`);
    await q.query(`DROP FUNCTION stats_on_dossier_event(), stats_apply_event(dossier_event), stats_working_hours(timestamptz, timestamptz),
      stats_on_payment(), stats_on_component_reuse(), stats_on_rating(), stats_paid_online(uuid), stats_reused(uuid)`);
    await q.query(`DROP INDEX dossier_event_actor_idx`);
    await q.query(`DROP TABLE stats_step_action, stats_clock_span, stats_dossier, rating`);
  }
}
