import { devDependencies } from '../../package.json';
import { UsageError } from '../errors/UsageError';

/** The fastify version this package is tested with, and the command that installs it. */
export const FASTIFY_VERSION = devDependencies.fastify;
export const INSTALL_FASTIFY = `npm install fastify@${FASTIFY_VERSION}`;

/**
 * fastify, an optional peer dependency of dual-use-rules: only `dual-use-rules serve` needs it, so those who import
 * the library do not install it.
 * @throws {UsageError} `missing_dependency`, naming the install command, when it is not installed.
 */
export async function loadFastify(): Promise<typeof import('fastify')> {
  try {
    return await import('fastify');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && /fastify/.test(String(error)))
      throw new UsageError(
        {
          path: [],
          code: 'missing_dependency',
          install: INSTALL_FASTIFY,
          message:
            `dual-use-rules serve needs fastify, an optional peer dependency that is not installed. Install it next ` +
            `to dual-use-rules: ${INSTALL_FASTIFY}`,
        },
        { cause: error },
      );
    throw error;
  }
}
