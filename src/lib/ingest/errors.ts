/** Input a person must fix before ingest can go on; printed as `file:line: message`. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  /** The message without the file and line. */
  readonly reason: string;

  constructor(file: string, line: number | undefined, reason: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
