/** A request to licensync that failed: its status (0 = never answered) and the backend's message. */
export class BackendError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field → problem, for a 400 or 422. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'BackendError';
  }
}
