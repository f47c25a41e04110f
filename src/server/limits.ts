// The server's default limits, apart from the server itself so that `dual-use-rules serve --help` can show them
// without loading the server and the library it serves.

/** Largest JSON body, and largest line of a batch, in bytes, unless `bodyLimit` says otherwise: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Largest batch body in bytes, unless `batchLimit` says otherwise: 64 MiB. */
export const DEFAULT_BATCH_LIMIT = 64 * 1024 * 1024;
/** Milliseconds a client has to send a whole request, unless `requestTimeout` says otherwise: 30 s. */
export const DEFAULT_REQUEST_TIMEOUT = 30_000;
