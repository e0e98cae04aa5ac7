import { createHash, randomBytes } from 'node:crypto';

/** A bearer token: 32 random bytes, given to the client once; only its sha256 is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
