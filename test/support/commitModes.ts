// What each change-log entry's transaction had for synchronous_commit, seen by a trigger of the
// owner's (tests of the read log's deferred flush, docs/decisions/0030-read-log-deferred-flush.md).
import type pg from 'pg';

/** Adds the commit_mode table and the trigger that fills it with each appended entry's setting. */
export async function noteCommitModes(owner: pg.Pool): Promise<void> {
  await owner.query(`
    CREATE TABLE commit_mode (seq bigint PRIMARY KEY, mode text NOT NULL);
    CREATE FUNCTION note_commit_mode() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      INSERT INTO commit_mode VALUES (NEW.seq, current_setting('synchronous_commit'));
      RETURN NULL;
    END $$;
    CREATE TRIGGER note_commit_mode AFTER INSERT ON change_log FOR EACH ROW EXECUTE FUNCTION note_commit_mode();`);
}
