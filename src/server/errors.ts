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
