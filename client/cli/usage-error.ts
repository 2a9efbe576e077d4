/** The command line itself is wrong (unknown option, bad value): exit code 2, with a pointer to --help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at, when known. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
