-- A record's field stamps move out of its body into their own column, packed (server/sync/packed-versions.ts):
-- each distinct stamp once with the fields that carry it. As a plain map inside the body they were two-thirds
-- of a lead's stored JSON, and parsing them was about half of the database's work in a push.
-- NULL: a row written before, whose body still holds its `versions`; it is read the same, and packed when it
-- is next written.
ALTER TABLE records ADD COLUMN versions jsonb;
DO $$
BEGIN
  ALTER TABLE records ALTER COLUMN versions SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;
