/** Compiles `content/comparisons.yaml`: side-by-side tables of look-alikes. */
import type { Comparison } from '../core/knowledge/types';
import type { CompileContext } from './context';
import { yamlRows } from './rows';
import { comparisonRowSchema } from './schemas';

export const COMPARISONS_FILE = 'content/comparisons.yaml';

export function compileComparisons(ctx: CompileContext): Comparison[] {
  const file = ctx.file(COMPARISONS_FILE);
  if (!file) return [];
  const comparisons: Comparison[] = [];
  const ids = new Set<string>();
  for (const { row: c, line, at } of yamlRows(ctx, file, comparisonRowSchema)) {
    if (ids.has(c.id)) ctx.problem(file.path, line, `duplicate comparison id "${c.id}"`);
    ids.add(c.id);
    c.rows.forEach((r, i) => {
      if (r.values.length !== c.columns.length) ctx.problem(file.path, at(['rows', i]), `row "${r.label}" has ${r.values.length} values for ${c.columns.length} columns`);
    });
    c.columns.forEach((col, i) => {
      if (col.entry) ctx.refer(col.entry, file.path, at(['columns', i]), '`entry`');
    });
    comparisons.push(c);
  }
  return comparisons;
}
