/**
 * Compiles the files of `content/` into the knowledge base the extension loads, and validates them.
 * Build time only, and pure: the caller reads the files and passes them in. Every problem is reported
 * as `file:line: message`; one function per kind of content does the reading.
 */
import Fuse from 'fuse.js';
import { SEARCH_OPTIONS } from '../core/search/searchConfig';
import { KNOWLEDGE_FORMAT, type CompiledKnowledge } from '../core/knowledge/types';
import { compileCatalog } from './catalog';
import { compileComparisons } from './comparisons';
import { CompileContext, type CompileOptions, type ContentFile } from './context';
import { checkReferences, indexEntries } from './entries';
import { buildLookupTables } from './lookupTables';
import { compileNotes } from './notes';
import { compilePorts } from './ports';
import { compileQuestions } from './questions';
import { compileResources, readCfnTypes } from './resources';
import { searchDocs } from './searchDocs';
import { checkIamPrefixes, compileIamPrefixes, compileSecurityGroupRules, compileTerraformTypes } from './serviceMaps';
import type { ContentProblem } from './yamlSource';

export type { CompileOptions, ContentFile } from './context';
export { SUMMARY_MAX } from './notes';
export { CFN_TYPES_FILE } from './resources';

export interface CompileResult {
  knowledge?: CompiledKnowledge;
  problems: ContentProblem[];
}

export function compileContent(files: readonly ContentFile[], options: CompileOptions = {}): CompileResult {
  const ctx = new CompileContext(files, options);
  const located = [...compileNotes(ctx), ...compileCatalog(ctx)];
  const byId = indexEntries(ctx, located);
  const cfnTypes = readCfnTypes(ctx);
  const resources = compileResources(ctx, cfnTypes);
  const { ports, portRanges } = compilePorts(ctx);
  const questions = compileQuestions(ctx);
  const comparisons = compileComparisons(ctx);
  const iamPrefixes = compileIamPrefixes(ctx);
  checkIamPrefixes(ctx, iamPrefixes, located);
  const terraformTypes = compileTerraformTypes(ctx);
  const securityGroupRules = compileSecurityGroupRules(ctx);
  checkReferences(ctx, byId);
  if (ctx.problems.length) return { problems: sortProblems(ctx.problems) };

  const entries = located.map((e) => e.value);
  const docs = searchDocs(entries, resources, ports);
  const notes = entries.filter((e) => e.kind !== 'catalog').length;
  return {
    problems: [],
    knowledge: {
      format: KNOWLEDGE_FORMAT,
      entries,
      resources,
      ports,
      portRanges,
      questions,
      comparisons,
      lookup: buildLookupTables({ entries, resources, cfnTypes, iamPrefixes, terraformTypes, securityGroupRules }),
      search: { docs, index: Fuse.createIndex(SEARCH_OPTIONS.keys ?? [], docs).toJSON() },
      counts: {
        notes,
        catalog: entries.length - notes,
        resourceTypes: resources.length,
        ports: ports.length,
        portRanges: portRanges.length,
        questions: questions.length,
        comparisons: comparisons.length,
        iamPrefixes: Object.keys(iamPrefixes).length,
        terraformTypes: Object.keys(terraformTypes).length,
      },
    },
  };
}

/** Each problem once, by file and line. */
function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.file}:${p.line}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
