/** Compiles `content/catalog/*.yaml`: a short entry for every AWS service API without a full note. */
import type { Entry } from '../core/knowledge/types';
import type { CompileContext, Located } from './context';
import { notations } from './notation';
import { SUMMARY_MAX } from './notes';
import { yamlRows } from './rows';
import { catalogRowSchema } from './schemas';

export function compileCatalog(ctx: CompileContext): Located<Entry>[] {
  const entries: Located<Entry>[] = [];
  for (const file of ctx.filesUnder('content/catalog/')) {
    for (const { row: r, line } of yamlRows(ctx, file, catalogRowSchema)) {
      if (r.summary.length > SUMMARY_MAX) ctx.problem(file.path, line, `\`summary\` is longer than ${SUMMARY_MAX} characters`);
      if (r.partOf) ctx.refer(r.partOf, file.path, line, '`partOf`', false);
      const value: Entry = {
        id: r.id,
        kind: 'catalog',
        name: r.name,
        short: r.short,
        aliases: r.aliases,
        category: r.category,
        domains: [],
        summary: r.summary,
        needsPrefix: r.needsPrefix,
        status: r.status,
        notations: notations(r),
        related: r.partOf ? [r.partOf] : [],
        confused: [],
        docs: r.docs,
        partOf: r.partOf,
        keyFacts: [],
        examTips: [],
        body: '',
        source: file.path,
      };
      entries.push({ file: file.path, line, value });
    }
  }
  return entries;
}
