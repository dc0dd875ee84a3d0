/** A refusal the caller can act on: an HTTP status, a stable code, and a message that says what to do. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 411 | 413 | 422 | 503,
    readonly code: string,
    message: string,
    /** Close the connection after answering (the rest of the request was not read). */
    readonly closeConnection = false,
  ) {
    super(message);
  }
}

/** A token that is not (or no longer) live. */
export function badToken(): ServiceError {
  return new ServiceError(
    401,
    'bad-token',
    'this token is unknown or revoked; ask an admin for one (interlock token create)',
  );
}

/** What the HTTP API answers for a failed call: a refusal's status and code, else a 500 (to be logged). */
export function errorReply(error: unknown): {
  status: ServiceError['status'] | 500;
  body: { error: string; code: string };
  close: boolean;
} {
  if (error instanceof ServiceError)
    return {
      status: error.status,
      body: { error: error.message, code: error.code },
      close: error.closeConnection,
    };
  return {
    status: 500,
    body: {
      error: `internal error: ${error instanceof Error ? error.message : String(error)}`,
      code: 'internal',
    },
    close: false,
  };
}
