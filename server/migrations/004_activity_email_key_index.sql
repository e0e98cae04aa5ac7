-- One email, one activity, team-wide (server/sync/same-email-merge.ts): a new activity with an email key is
-- looked up among the team's live activities by that key.
CREATE INDEX records_activity_email_key ON records (team_id, (body->>'externalKey')) WHERE kind = 'activities' AND NOT deleted;
