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

    // What a row counts in each base, before and after a change.
    const received = (r: string) =>
      `(${r}.received_at, ${r}.agency_id, ${r}.procedure_id, ${r}.procedure_code, ${r}.channel, ${r}.has_fee, ` +
      `${r}.paid_online, ${r}.digitised, ${r}.reusable, ${r}.reused)`;
    const resolved = (r: string) =>
      `(${r}.completed_at, ${r}.agency_id, ${r}.procedure_id, ${r}.procedure_code, ${r}.outcome, ${r}.processing_hours)`;
    const rated = (r: string) => `(${r}.rated_at, ${r}.agency_id, ${r}.procedure_id, ${r}.procedure_code, ${r}.rating_score)`;
    await q.query(`
      CREATE FUNCTION stats_note_month_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        months date[] := '{}';
      BEGIN
        IF TG_OP = 'INSERT' THEN
          months := ARRAY[stats_month_of(NEW.received_at), stats_month_of(NEW.completed_at), stats_month_of(NEW.rated_at)];
        ELSIF TG_OP = 'DELETE' THEN
          months := ARRAY[stats_month_of(OLD.received_at), stats_month_of(OLD.completed_at), stats_month_of(OLD.rated_at)];
        ELSE
          IF ${received('OLD')} IS DISTINCT FROM ${received('NEW')} THEN
            months := months || stats_month_of(OLD.received_at) || stats_month_of(NEW.received_at);
          END IF;
          IF ${resolved('OLD')} IS DISTINCT FROM ${resolved('NEW')} THEN
            months := months || stats_month_of(OLD.completed_at) || stats_month_of(NEW.completed_at);
          END IF;
          IF ${rated('OLD')} IS DISTINCT FROM ${rated('NEW')} THEN
            months := months || stats_month_of(OLD.rated_at) || stats_month_of(NEW.rated_at);
          END IF;
        END IF;
        -- Past months only, by the clock when the change is made (see ROLLUP_GRACE_MS).
        INSERT INTO stats_month_change (month)
        SELECT DISTINCT m FROM unnest(months) m WHERE m < stats_month_of(clock_timestamp());
        RETURN NULL;
      END $$`);
    // The conditions again as the triggers' WHEN, checked without calling the function: a reception
    // today (an insert in the current month) and the clock's updates (no count moves) cost nothing more.
    await q.query(`
      CREATE TRIGGER stats_note_month_change_insert AFTER INSERT ON stats_dossier FOR EACH ROW
        WHEN (stats_month_of(NEW.received_at) < stats_month_of(clock_timestamp()) OR NEW.completed_at IS NOT NULL OR NEW.rated_at IS NOT NULL)
        EXECUTE FUNCTION stats_note_month_change()`);
    await q.query(`
      CREATE TRIGGER stats_note_month_change_update AFTER UPDATE ON stats_dossier FOR EACH ROW
        WHEN (${received('OLD')} IS DISTINCT FROM ${received('NEW')} OR ${resolved('OLD')} IS DISTINCT FROM ${resolved('NEW')}
              OR ${rated('OLD')} IS DISTINCT FROM ${rated('NEW')})
        EXECUTE FUNCTION stats_note_month_change()`);
    await q.query(`
      CREATE TRIGGER stats_note_month_change_delete AFTER DELETE ON stats_dossier FOR EACH ROW
        EXECUTE FUNCTION stats_note_month_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER stats_note_month_change_${op} ON stats_dossier`);
    await q.query(`DROP FUNCTION stats_note_month_change()`);
    await q.query(`DROP TABLE stats_month_change, stats_month_built, stats_month`);
    await q.query(`DROP FUNCTION stats_month_of(timestamptz)`);
  }
}
