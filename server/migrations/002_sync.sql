-- Synced records (leads, contacts, activities, tasks), one row per record with its latest change number.
CREATE TABLE records (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  kind text NOT NULL CHECK (kind IN ('leads', 'contacts', 'activities', 'tasks')),
  body jsonb NOT NULL,
  -- Who wrote each field's current value: the author of a value that later loses a conflict is told.
  authors jsonb NOT NULL DEFAULT '{}',
  change_no bigint NOT NULL,
  owner_id text,
  lead_id text,
  -- A lead's company keys: its domain, other domains and 'cc:' + credit code (one company, one lead).
  company_keys text[] NOT NULL DEFAULT '{}',
  deleted boolean NOT NULL DEFAULT false,
  deleted_at timestamptz
);
CREATE INDEX records_team_change ON records (team_id, change_no);
CREATE INDEX records_live_company_keys ON records USING gin (company_keys) WHERE kind = 'leads' AND NOT deleted;
CREATE INDEX records_lead ON records (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX records_tombstones ON records (deleted_at) WHERE deleted;

-- Values that lost a same-field conflict: the lead's history, delivered to their author on pull.
CREATE TABLE conflicts (
  id bigserial PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  change_no bigint NOT NULL,
  author_id text NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX conflicts_author_change ON conflicts (team_id, author_id, change_no);
CREATE INDEX conflicts_record ON conflicts (record_id);

-- Per client: the last mutation id applied (or rejected), so a replayed push is acknowledged, not re-applied.
CREATE TABLE clients (
  user_id text NOT NULL REFERENCES users (id),
  client_id text NOT NULL,
  last_mutation_id bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, client_id)
);

-- Rejections are kept so that a replayed push gets the same answer and the client still reverts.
CREATE TABLE rejections (
  user_id text NOT NULL,
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, client_id, mutation_id)
);
