/**
 * The command line of a benchmark suite as { key: value }: `--sizes=10000` gives "10000", a bare `--quick`
 * gives "true". `npm run bench` (bench/all.mjs) hands every suite the same arguments.
 */
export function benchArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.map((arg) => {
      const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
      return [key, value];
    }),
  );
}
