import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly roll-ups of the statistics' facts, for long periods (src/stats/README.md, "Long periods").
 *
 * `stats_month` holds, per closed local month, base (received, resolved, rated), agency and
 * procedure, every count of that base: a job builds it (StatsRollupJob), so the filing path never
 * updates a shared row. A month is read from it only while it is listed in `stats_month_built`
 * and has no row in `stats_month_change`: a trigger on `stats_dossier` notes there every change
 * to what a past month counts (an import, a late payment, a reused component, a correction), and
 * such a month is counted from the facts until the job rebuilds it. Changes in the current month,
 * the usual case, note nothing.
 */
export class StatsRollup1764600000000 implements MigrationInterface {
  name = 'StatsRollup1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION stats_month_of(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT date_trunc('month', at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
      $$`);
    await q.query(`
      CREATE TABLE stats_month (
        month date NOT NULL,
        base varchar(8) NOT NULL CHECK (base IN ('received', 'resolved', 'rated')),
        agency_id uuid NOT NULL,
        procedure_id uuid NOT NULL,
        procedure_code varchar(64) NOT NULL,
        received int NOT NULL DEFAULT 0,
        online int NOT NULL DEFAULT 0,
        counter int NOT NULL DEFAULT 0,
        with_fee int NOT NULL DEFAULT 0,
        paid_online int NOT NULL DEFAULT 0,
        digitised int NOT NULL DEFAULT 0,
        reusable int NOT NULL DEFAULT 0,
        reused int NOT NULL DEFAULT 0,
        resolved int NOT NULL DEFAULT 0,
        early int NOT NULL DEFAULT 0,
        on_time int NOT NULL DEFAULT 0,
        late int NOT NULL DEFAULT 0,
        processing_hours double precision NOT NULL DEFAULT 0,
        ratings int NOT NULL DEFAULT 0,
        satisfied int NOT NULL DEFAULT 0,
        score_sum int NOT NULL DEFAULT 0,
        PRIMARY KEY (month, base, agency_id, procedure_id)
      )`);
    await q.query(`CREATE TABLE stats_month_built (month date PRIMARY KEY, built_at timestamptz NOT NULL DEFAULT now())`);
    // Append-only, no unique key: noting a change never waits on another transaction's note.
    await q.query(`
      CREATE TABLE stats_month_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        month date NOT NULL,
        noted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stats_month_change_month_idx ON stats_month_change (month)`);

    // What a row counts in each base, compared before and after: a change that moves no count notes nothing.
    await q.query(`
      CREATE FUNCTION stats_note_month_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        open_month date := stats_month_of(clock_timestamp());
        months date[] := '{}';
      BEGIN
        IF TG_OP = 'INSERT' THEN
          months := ARRAY[stats_month_of(NEW.received_at), stats_month_of(NEW.completed_at), stats_month_of(NEW.rated_at)];
        ELSIF TG_OP = 'DELETE' THEN
          months := ARRAY[stats_month_of(OLD.received_at), stats_month_of(OLD.completed_at), stats_month_of(OLD.rated_at)];
        ELSE
          IF (OLD.received_at, OLD.agency_id, OLD.procedure_id, OLD.procedure_code, OLD.channel, OLD.has_fee,
              OLD.paid_online, OLD.digitised, OLD.reusable, OLD.reused)
             IS DISTINCT FROM (NEW.received_at, NEW.agency_id, NEW.procedure_id, NEW.procedure_code, NEW.channel,
              NEW.has_fee, NEW.paid_online, NEW.digitised, NEW.reusable, NEW.reused) THEN
            months := months || stats_month_of(OLD.received_at) || stats_month_of(NEW.received_at);
          END IF;
          IF (OLD.completed_at, OLD.agency_id, OLD.procedure_id, OLD.procedure_code, OLD.outcome, OLD.processing_hours)
             IS DISTINCT FROM (NEW.completed_at, NEW.agency_id, NEW.procedure_id, NEW.procedure_code, NEW.outcome,
              NEW.processing_hours) THEN
            months := months || stats_month_of(OLD.completed_at) || stats_month_of(NEW.completed_at);
          END IF;
          IF (OLD.rated_at, OLD.agency_id, OLD.procedure_id, OLD.procedure_code, OLD.rating_score)
             IS DISTINCT FROM (NEW.rated_at, NEW.agency_id, NEW.procedure_id, NEW.procedure_code, NEW.rating_score) THEN
            months := months || stats_month_of(OLD.rated_at) || stats_month_of(NEW.rated_at);
          END IF;
        END IF;
        INSERT INTO stats_month_change (month)
        SELECT DISTINCT m FROM unnest(months) m WHERE m < open_month;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER stats_note_month_change AFTER INSERT OR UPDATE OR DELETE ON stats_dossier
        FOR EACH ROW EXECUTE FUNCTION stats_note_month_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stats_note_month_change ON stats_dossier`);
    await q.query(`DROP FUNCTION stats_note_month_change()`);
    await q.query(`DROP TABLE stats_month_change, stats_month_built, stats_month`);
    await q.query(`DROP FUNCTION stats_month_of(timestamptz)`);
  }
}
