// The parts of Citation.js (no bundled types) that the exports and their tests use.
declare module '@citation-js/core' {
  export interface CslItem {
    id: string;
    type: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown): Promise<Cite>;
    data: CslItem[];
    format(format: 'ris' | 'bibtex' | 'biblatex' | 'data', options?: Record<string, unknown>): unknown;
  }
  export const plugins: { config: { get(name: string): Record<string, Record<string, unknown>> } };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
