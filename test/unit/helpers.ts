/** Shared by the unit tests: the real knowledge base, compiled once from content/. */
import { readContent } from '../../scripts/content';
import { compileContent } from '../../src/compiler/compile';
import { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';
import { formatProblem } from '../../src/compiler/yamlSource';

let cached: KnowledgeBase | undefined;

export function knowledgeBase(): KnowledgeBase {
  if (cached) return cached;
  const result = compileContent(readContent());
  if (!result.knowledge) throw new Error(`content/ does not compile:\n${result.problems.map(formatProblem).join('\n')}`);
  cached = new KnowledgeBase(result.knowledge);
  return cached;
}
