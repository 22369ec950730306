/** Input a person must fix before ingest can go on; printed as `file:line: message`. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, message: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
  }
}
