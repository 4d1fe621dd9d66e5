/**
 * Search over every entry, resource type and port: exact names, aliases and notations first (so
 * "ebs", "AWS::S3::Bucket", "s3:GetObject" and "5432" land on the right entry), then Fuse.js fuzzy
 * matches from the index prebuilt at build time.
 */
import Fuse from 'fuse.js';
import { normalizeName } from '../knowledge/normalize';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { SearchDoc } from '../knowledge/types';
import { detectService } from '../hover/services';
import { SEARCH_OPTIONS } from './searchConfig';

export interface SearchResult {
  doc: SearchDoc;
  /** 0 is a perfect match; exact matches score 0. */
  score: number;
  exact: boolean;
}

export class KnowledgeSearch {
  private readonly fuse: Fuse<SearchDoc>;
  private readonly exact = new Map<string, string[]>();
  private readonly docsByRef = new Map<string, SearchDoc>();

  constructor(private readonly kb: KnowledgeBase) {
    const { docs, index } = kb.data.search;
    this.fuse = new Fuse(docs, SEARCH_OPTIONS, Fuse.parseIndex<SearchDoc>(index as Parameters<typeof Fuse.parseIndex>[0]));
    for (const doc of docs) this.docsByRef.set(doc.ref, doc);
    const add = (key: string | undefined, ref: string) => {
      if (!key) return;
      const k = normalizeName(key);
      if (!k) return;
      const list = this.exact.get(k) ?? [];
      if (!list.includes(ref)) list.push(ref);
      this.exact.set(k, list);
    };
    for (const e of kb.entries) {
      const ref = `entry:${e.id}`;
      for (const name of [e.name, e.short, ...e.aliases]) {
        add(name, ref);
        add(name?.replace(/^(Amazon|AWS)\s+/, ''), ref);
      }
      for (const v of [...e.notations.boto3, ...e.notations.iam, ...e.notations.terraform, ...e.notations.sdk]) add(v, ref);
      for (const ns of e.notations.cloudformation) add(`AWS::${ns}`, ref);
    }
    for (const r of kb.resources) {
      add(r.type, `resource:${r.type}`);
      for (const tf of r.terraform) add(tf, `resource:${r.type}`);
    }
    for (const p of kb.ports) add(String(p.port), `port:${p.port}`);
  }

  /** The entry whose name, short name, alias or notation is exactly `text` (case and punctuation aside). */
  exactEntry(text: string): string | undefined {
    const ref = this.exact.get(normalizeName(text))?.find((r) => r.startsWith('entry:'));
    return ref?.slice(6);
  }

  doc(ref: string): SearchDoc | undefined {
    return this.docsByRef.get(ref);
  }

  search(query: string, limit = 50): SearchResult[] {
    const q = query.trim();
    if (!q) return [];
    const results: SearchResult[] = [];
    const seen = new Set<string>();
    const push = (ref: string, score: number, exact: boolean) => {
      const doc = this.docsByRef.get(ref);
      if (!doc || seen.has(ref)) return;
      seen.add(ref);
      results.push({ doc, score, exact });
    };

    for (const ref of this.exact.get(normalizeName(q)) ?? []) push(ref, 0, true);
    for (const ref of this.notationRefs(q)) push(ref, 0, true);
    if (/^\d{1,5}$/.test(q)) push(`port:${Number(q)}`, 0, true);

    for (const r of this.fuse.search(q, { limit: limit + results.length })) push(r.item.ref, r.score ?? 1, false);
    return results.slice(0, limit);
  }

  /** Reads the query as a notation the hover understands: AWS::S3::Bucket, s3:GetObject, aws_s3_bucket, an ARN. */
  private notationRefs(q: string): string[] {
    if (/\s/.test(q)) return [];
    const found = detectService(this.kb.lookup, { text: q, character: 0, neighbours: [], prose: false, terraformFile: true });
    if (!found || found.kind !== 'service' || found.span[1] - found.span[0] < q.length - 1) return [];
    const refs: string[] = [];
    if (found.resourceType) refs.push(`resource:${found.resourceType}`);
    refs.push(`entry:${found.entryId}`);
    return refs;
  }
}
