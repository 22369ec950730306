/**
 * An entry's body as ingest writes it: the abstract on the first line, then whatever a
 * person adds below it (notes), which ingest carries over as written.
 */
export function splitBody(body: string): { abstract: string; notes: string } {
  const newline = body.indexOf('\n');
  return newline === -1 ? { abstract: body, notes: '' } : { abstract: body.slice(0, newline), notes: body.slice(newline + 1) };
}
