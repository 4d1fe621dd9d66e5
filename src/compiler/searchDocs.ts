/** The documents the search index is built from: every entry, resource type and port. */
import { markdownToPlainText } from '../core/plainText';
import { refs } from '../core/ids';
import type { Entry, PortEntry, ResourceType, SearchDoc } from '../core/knowledge/types';

export function searchDocs(entries: readonly Entry[], resources: readonly ResourceType[], ports: readonly PortEntry[]): SearchDoc[] {
  const categoryOf = new Map(entries.map((e) => [e.id, e.category]));
  return [
    ...entries.map(entryDoc),
    ...resources.map((r) => ({ ref: refs.resource(r.type), name: r.type, keys: [r.name, ...r.terraform].join(' '), summary: r.summary, category: categoryOf.get(r.entry) ?? '', text: '' })),
    ...ports.map((p) => ({ ref: refs.port(p.port), name: `${p.port} ${p.protocol}`, keys: `${p.port} ${p.name}`, summary: p.use, category: 'Ports', text: '' })),
  ];
}

function entryDoc(e: Entry): SearchDoc {
  const n = e.notations;
  const keys = [e.short, ...e.aliases, ...n.cloudformation.map((ns) => `AWS::${ns}`), ...n.terraform, ...n.boto3, ...n.sdk, ...n.iam, ...n.principal].filter(Boolean);
  return {
    ref: refs.entry(e.id),
    name: e.name,
    keys: [...new Set(keys)].join(' '),
    summary: markdownToPlainText(e.summary),
    category: e.category,
    text: markdownToPlainText([...e.keyFacts.slice(0, 3), ...e.examTips.slice(0, 1)].join(' ')).slice(0, 320),
  };
}
