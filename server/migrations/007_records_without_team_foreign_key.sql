-- The foreign key from records to teams checked every written record with a query of its own (a lookup and a
-- key-share lock on the team's row): 28 microseconds a record, a quarter of the database's work in a push of
-- new leads. Records are only written by a transaction that has locked its team's row (FOR UPDATE), which
-- proves the team exists; and teams are never deleted. That last promise is kept here instead: a team that
-- still has records cannot be deleted.
ALTER TABLE records DROP CONSTRAINT records_team_id_fkey;

CREATE FUNCTION refuse_deleting_a_team_with_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM records WHERE team_id = OLD.id) THEN
    RAISE EXCEPTION 'team % still has records: it cannot be deleted', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER teams_keep_their_records BEFORE DELETE ON teams FOR EACH ROW EXECUTE FUNCTION refuse_deleting_a_team_with_records();
