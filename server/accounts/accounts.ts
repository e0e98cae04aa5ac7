import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../db/sql-database';
import type { Account, Role } from '../../lib/sync/protocol';
import { ApiError } from '../http/api-error';
import { DUMMY_CREDENTIALS, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken, TOKEN_TTL_MS } from './tokens';

export interface Team {
  id: string;
  name: string;
}

/** The signed-in caller of a request. */
export interface Caller extends Account {
  tokenHash: string;
}

export async function createTeam(db: Queryable, name: string, now: Date): Promise<Team> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new ApiError('invalid_request', 'a team name is 1-100 characters');
  const existing = await db.query('SELECT 1 FROM teams WHERE name = $1', [trimmed]);
  if (existing.length > 0) throw new ApiError('conflict', `a team named "${trimmed}" exists already: pick another name`);
  const team = { id: uuidv7(), name: trimmed };
  await db.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [team.id, team.name, now.toISOString()]);
  return team;
}

/** A team by id or, failing that, by name. */
export async function findTeam(db: Queryable, idOrName: string): Promise<Team | null> {
  const rows = await db.query<Team>('SELECT id, name FROM teams WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1', [idOrName]);
  return rows[0] ?? null;
}

export async function createUser(db: Queryable, input: { teamId: string; email: string; role: Role; password: string }, now: Date): Promise<Account> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new ApiError('invalid_request', `the password is too short: use at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = input.email.trim().toLowerCase();
  const team = (await db.query<Team>('SELECT id, name FROM teams WHERE id = $1', [input.teamId]))[0];
  if (!team) throw new ApiError('not_found', `no team with id ${input.teamId}: create it first (create-team)`);
  if ((await db.query('SELECT 1 FROM users WHERE email = $1', [email])).length > 0) throw new ApiError('conflict', `${email} has an account already`);
  const { salt, hash } = await hashPassword(input.password);
  const id = uuidv7();
  await db.query('INSERT INTO users (id, team_id, email, role, password_salt, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    id,
    team.id,
    email,
    input.role,
    salt,
    hash,
    now.toISOString(),
  ]);
  return { id, email, role: input.role, teamId: team.id, teamName: team.name };
}

interface UserRow {
  id: string;
  email: string;
  role: Role;
  team_id: string;
  team_name: string;
  password_salt: string;
  password_hash: string;
}

const toAccount = (row: Omit<UserRow, 'password_salt' | 'password_hash'>): Account => ({ id: row.id, email: row.email, role: row.role, teamId: row.team_id, teamName: row.team_name });

export async function signIn(db: Queryable, email: string, password: string, now: Date): Promise<{ token: string; expiresAt: string; account: Account }> {
  const row = (
    await db.query<UserRow>(
      'SELECT u.id, u.email, u.role, u.team_id, t.name AS team_name, u.password_salt, u.password_hash FROM users u JOIN teams t ON t.id = u.team_id WHERE u.email = $1',
      [email.toLowerCase()],
    )
  )[0];
  const ok = await verifyPassword(password, row ? { salt: row.password_salt, hash: row.password_hash } : DUMMY_CREDENTIALS);
  if (!row || !ok) throw new ApiError('unauthorized', 'wrong email or password: check both and sign in again');
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS).toISOString();
  await db.query('INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [hash, row.id, now.toISOString(), expiresAt]);
  return { token, expiresAt, account: toAccount(row) };
}

/** The caller behind a bearer token, or an error saying to sign in again. */
export async function authenticate(db: Queryable, token: string, now: Date): Promise<Caller> {
  const tokenHash = hashToken(token);
  const row = (
    await db.query<UserRow & { expires_at: Date; revoked_at: Date | null }>(
      `SELECT u.id, u.email, u.role, u.team_id, t.name AS team_name, k.expires_at, k.revoked_at
         FROM tokens k JOIN users u ON u.id = k.user_id JOIN teams t ON t.id = u.team_id WHERE k.token_hash = $1`,
      [tokenHash],
      // Every request asks it: kept prepared, it is not parsed and planned each time.
      { reused: true },
    )
  )[0];
  if (!row) throw new ApiError('unauthorized', 'this sign-in is not valid: sign in again in Sidecar\'s options');
  if (row.revoked_at !== null) throw new ApiError('unauthorized', 'this sign-in was ended (you signed out, or an admin signed you out): sign in again in Sidecar\'s options');
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw new ApiError('token_expired', 'your sign-in has expired: sign in again in Sidecar\'s options');
  return { ...toAccount(row), tokenHash };
}

/** Ends every sign-in of a user (a rep who left, a lost laptop); returns how many tokens were revoked. */
export async function signOutEverywhere(db: Queryable, userId: string, now: Date): Promise<number> {
  const revoked = await db.query('UPDATE tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1', [userId, now.toISOString()]);
  return revoked.length;
}

export async function signOut(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.query('UPDATE tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now.toISOString()]);
}
