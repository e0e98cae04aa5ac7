-- Every push looks up its new leads' company keys (one company, one lead). With GIN's fast update, new
-- entries wait in a pending list that every lookup scans in full: with thousands of new leads since the
-- last vacuum a lookup took tens of milliseconds. Leads have one or two keys, so updating the index
-- directly costs an insert little, and a lookup stays a few index pages.
ALTER INDEX records_live_company_keys SET (fastupdate = off);
