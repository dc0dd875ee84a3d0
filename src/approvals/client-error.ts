// Apart from http.ts so that the CLI's error handling (src/cli/errors.ts) can know it without loading the client.

/** The server could not be reached, or refused, or answered something that is not the API. */
export class ClientError extends Error {
  constructor(
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}
