import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InputError } from './errors.ts';

/** A parsed YAML file that can say on which line any of its nodes starts. */
export interface YamlSource {
  document: Document.Parsed;
  lineOf(node: unknown): number | undefined;
}

export function parseYamlSource(source: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError) {
    throw new InputError(file, lineCounter.linePos(firstError.pos[0]).line, `not valid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const lineOf = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  return { document, lineOf };
}
