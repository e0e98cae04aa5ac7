-- Teams, their members and sign-in tokens.
CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- The team's change counter: each applied change takes the next number inside its own transaction
  -- (the row is locked), so a pull cursor never skips a change that committed late.
  change_counter bigint NOT NULL DEFAULT 0,
  -- Changes at or below this number may have been purged (tombstones past the offline limit).
  purged_through bigint NOT NULL DEFAULT 0,
  settings jsonb,
  settings_change_no bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);

CREATE TABLE users (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id),
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
  password_salt text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX users_team ON users (team_id);

CREATE TABLE tokens (
  -- sha256 of the bearer token: a leaked table does not sign anyone in.
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX tokens_user ON tokens (user_id);
