/** See args.mjs. */
export function benchArgs(argv?: string[]): Record<string, string>;
