import type * as NodeCrypto from 'node:crypto';

/**
 * Node's crypto module, obtained at run time with `process.getBuiltinModule` (Node.js 20.16 and later) rather than
 * imported, so the main entry has no `node:crypto` import for a browser bundler to trip over. Signing and
 * verification need it (in a browser they report that they need Node.js instead of breaking the bundle); hashing
 * uses it when present and a JavaScript sha256 otherwise.
 * Returns `undefined` where Node's crypto module is not available.
 */
export function nodeCrypto(): typeof NodeCrypto | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const load = process?.getBuiltinModule;
  return typeof load === 'function' ? (load.call(process, 'node:crypto') as typeof NodeCrypto | undefined) : undefined;
}

/** Why signing or verification cannot run here. */
export const NODE_CRYPTO_UNAVAILABLE =
  'Ed25519 signatures need Node.js 20.16 or later (node:crypto); this environment does not provide it.';
