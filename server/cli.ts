import { serve } from '@hono/node-server';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createTeam, createUser, findTeam, signOutEverywhere } from './accounts/accounts';
import { Role } from '../lib/sync/protocol';
import { DataDirLockedError } from './db/data-dir-lock';
import { openConfiguredDatabase } from './db/open-database';
import { ApiError } from './http/api-error';
import { createApp } from './http/app';
import { LONGEST_OFFLINE_DAYS, purgeExpired } from './sync/purge';

const USAGE = `Sidecar team server

  npm run server -- create-team <name>
  npm run server -- create-user --team <id|name> --email <email> --role admin|manager|rep [--password-stdin]
  npm run server -- sign-out-user --email <email>     ends every sign-in of that user (a rep who left, a lost laptop)
  npm run server -- start [--port 8787] [--host 127.0.0.1]

Storage: PostgreSQL when DATABASE_URL is set, else an embedded database in SIDECAR_DATA_DIR (default server/data).`;

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) return line;
    throw new ApiError('invalid_request', 'no password on standard input: pipe it in, e.g. `echo "$PASSWORD" | npm run server -- create-user ... --password-stdin`');
  }
  if (!process.stdin.isTTY) throw new ApiError('invalid_request', 'no terminal to ask for the password: use --password-stdin and pipe it in');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo nothing while the password is typed.
  const output = rl as unknown as { _writeToOutput(text: string): void };
  let asked = false;
  output._writeToOutput = (text: string) => {
    if (!asked) process.stderr.write(text);
  };
  try {
    return await new Promise<string>((resolve) => {
      rl.question('Password (at least 10 characters): ', resolve);
      asked = true;
    });
  } finally {
    process.stderr.write('\n');
    rl.close();
  }
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>['db']) => Promise<T>): Promise<T> {
  const { db } = await openConfiguredDatabase();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'create-team') {
    const name = rest.join(' ').trim();
    if (!name) throw new ApiError('invalid_request', 'give the team a name: npm run server -- create-team "Acme Sales"');
    const team = await withDatabase((db) => createTeam(db, name, new Date()));
    console.log(`Team "${team.name}" created, id ${team.id}.\nNext: npm run server -- create-user --team "${team.name}" --email you@example.com --role admin`);
    return;
  }
  if (command === 'create-user') {
    const { values } = parseArgs({ args: rest, options: { team: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
    const role = Role.safeParse(values.role);
    if (!values.team || !values.email || !role.success) throw new ApiError('invalid_request', `--team, --email and --role (admin, manager or rep) are required\n\n${USAGE}`);
    const password = await readPassword(values['password-stdin'] === true);
    const account = await withDatabase(async (db) => {
      const team = await findTeam(db, values.team!);
      if (!team) throw new ApiError('not_found', `no team "${values.team}": create it with npm run server -- create-team "${values.team}"`);
      return createUser(db, { teamId: team.id, email: values.email!, role: role.data, password }, new Date());
    });
    console.log(`${account.role} ${account.email} added to team "${account.teamName}". Sign in with this email and password in Sidecar's options.`);
    return;
  }
  if (command === 'sign-out-user') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' } } });
    if (!values.email) throw new ApiError('invalid_request', `--email is required\n\n${USAGE}`);
    const revoked = await withDatabase(async (db) => {
      const user = (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [values.email!.trim().toLowerCase()]))[0];
      if (!user) throw new ApiError('not_found', `no user ${values.email}: check the address (npm run server -- create-user adds one)`);
      return signOutEverywhere(db, user.id, new Date());
    });
    console.log(`${values.email} is signed out everywhere (${revoked} sign-in${revoked === 1 ? '' : 's'} ended). They can sign in again with their password.`);
    return;
  }
  if (command === 'start') {
    const { values } = parseArgs({ args: rest, options: { port: { type: 'string', default: process.env.PORT ?? '8787' }, host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' } } });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ApiError('invalid_request', `--port must be a number from 0 to 65535, not "${values.port}"`);
    const { db, where } = await openConfiguredDatabase();
    const purge = () => purgeExpired(db, new Date()).catch((error: unknown) => console.error('sidecar server: purging old tombstones failed; will retry in an hour', error));
    await purge();
    const timer = setInterval(purge, 60 * 60 * 1000);
    const server = serve({ fetch: createApp({ db }).fetch, port, hostname: values.host }, (info) => {
      const url = `http://${values.host!.includes(':') ? `[${values.host}]` : values.host}:${info.port}`;
      console.log(`Sidecar team server listening on ${url} (${where}).
Sign in: open Sidecar's options, enter ${url} as the backend URL and your email and password.
No account yet? npm run server -- create-team "<team>" then npm run server -- create-user --team "<team>" --email <you> --role admin
Devices may stay offline up to ${LONGEST_OFFLINE_DAYS} days; older ones resync from scratch.`);
    });
    const stop = () => {
      clearInterval(timer);
      server.close(() => void db.close().then(() => process.exit(0)));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  console.log(USAGE);
  if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ApiError || error instanceof DataDirLockedError ? `error: ${error.message}` : error);
  process.exitCode = 1;
});
