#!/usr/bin/env node
// The team server's benchmarks (bench/server/push.mts), run with tsx: push throughput against a raw batched
// upsert, and 20 devices pushing and pulling. Uses DATABASE_URL or TEST_DATABASE_URL (PostgreSQL).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./server/push.mts', import.meta.url));
const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
