/** Types for find-chromium.mjs (used by the TypeScript e2e tests). */
export declare const INSTALL_COMMAND: string;
/** The path of a Chromium binary; installs Debian's package when run as root, otherwise throws with the command. */
export declare function findChromium(): string;
/** Flags that let Chromium run headless in a sandboxed container without reaching for the network. */
export declare const CHROMIUM_FLAGS: string[];
