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

/**
 * Several problems a person must fix, found in one pass over many files (every bad curator value
 * of every entry), so one run lists them all: `where: 3 problems to fix:` and one `file:line: …` a line.
 */
export class InputErrors extends InputError {
  readonly errors: readonly InputError[];

  constructor(where: string, errors: readonly InputError[]) {
    super(where, undefined, `${errors.length} problems to fix:\n${errors.map((error) => `  ${error.message}`).join('\n')}`);
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

/** Stops on the problems found, if any: one is thrown as itself, several as one `InputErrors`. */
export function throwAll(where: string, errors: readonly InputError[]): void {
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new InputErrors(where, errors);
}
