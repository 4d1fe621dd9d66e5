/** YAML parsing that keeps line numbers, so every content error can say `file:line`. */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';

export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

export class YamlSource {
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  /** `lineOffset` is added to every line: front matter starts on line 2 of its file. */
  constructor(
    readonly file: string,
    text: string,
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  lineAt(offset: number): number {
    return this.lines.linePos(offset).line + this.lineOffset;
  }

  lineOf(node: Node | null | undefined, fallback = 1): number {
    return node?.range ? this.lineAt(node.range[0]) : fallback + this.lineOffset;
  }

  /** The line of the node at `path` (or of its nearest existing ancestor). */
  lineOfPath(path: readonly PropertyKey[]): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth) as (string | number)[], true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return this.lineOf(node);
    }
    return 1 + this.lineOffset;
  }

  syntaxProblems(): ContentProblem[] {
    return [...this.doc.errors, ...this.doc.warnings].map((e) => ({
      file: this.file,
      line: this.lineAt(e.pos[0]),
      message: `YAML: ${e.message.split('\n')[0]}`,
    }));
  }

  /** The top-level sequence's items with the line each starts on. */
  items(): { value: unknown; line: number; index: number }[] {
    const contents = this.doc.contents;
    if (!isSeq(contents)) return [];
    return contents.items.map((item, index) => ({
      value: (item as Node & { toJSON(): unknown }).toJSON(),
      line: this.lineOf(item as Node),
      index,
    }));
  }

  isSequence(): boolean {
    return isSeq(this.doc.contents);
  }

  isMapping(): boolean {
    return isMap(this.doc.contents);
  }

  /** Turns zod issues into problems on the lines of the nodes they name. */
  zodProblems(error: z.ZodError, basePath: readonly PropertyKey[] = []): ContentProblem[] {
    return error.issues.map((issue) => {
      const path = [...basePath, ...issue.path];
      const field = issue.path.length ? `\`${issue.path.join('.')}\` ` : '';
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`;
      else if (path.length && this.doc.getIn(path as (string | number)[]) === undefined && !this.doc.hasIn(path as (string | number)[])) message = 'is missing';
      return { file: this.file, line: this.lineOfPath(path), message: `${field}${message}` };
    });
  }
}
