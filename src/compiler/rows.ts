/** The one way the compiler reads a YAML list file: each item validated against its schema, with its line. */
import type { z } from 'zod';
import type { CompileContext, ContentFile } from './context';
import { YamlSource } from './yamlSource';

export interface Row<T> {
  row: T;
  /** The line the item starts on. */
  line: number;
  /** The line of a field inside the item, e.g. `['options', 2, 'text']`. */
  at(path: readonly (string | number)[]): number;
}

/** The items of `file` that match `schema`; every problem (syntax, shape) goes to the context. */
export function* yamlRows<S extends z.ZodType>(ctx: CompileContext, file: ContentFile, schema: S): Generator<Row<z.infer<S>>> {
  const source = new YamlSource(file.path, file.text.replace(/\r\n?/g, '\n'));
  const syntax = source.syntaxProblems();
  ctx.problems.push(...syntax);
  if (syntax.length) return;
  if (!source.isSequence()) {
    ctx.problem(file.path, 1, 'must be a YAML list (each item starting with `- `)');
    return;
  }
  for (const { value, line, index } of source.items()) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      ctx.problems.push(...source.zodProblems(parsed.error, [index]));
      continue;
    }
    yield { row: parsed.data, line, at: (path) => source.lineOfPath([index, ...path]) };
  }
}

/** Lines of a plain list file (`content/*.txt`): no blanks, no `#` comments, with their line numbers. */
export function textRows(file: ContentFile | undefined): { text: string; line: number }[] {
  if (!file) return [];
  return file.text
    .split(/\r?\n/)
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .filter((l) => l.text && !l.text.startsWith('#'));
}
