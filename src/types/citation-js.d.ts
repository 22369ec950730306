/** The parts of Citation.js (0.8, untyped) the site and its tests use. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, ...options: Record<string, unknown>[]): unknown;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }
  export const plugins: {
    config: { get(plugin: string): Record<string, unknown> };
    output: { format(format: string, data: readonly object[], options?: Record<string, unknown>): unknown };
  };
  export type { Register };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
