/**
 * Search over every entry, resource type and port: exact names, aliases and notations first (so
 * "ebs", "AWS::S3::Bucket", "s3:GetObject" and "5432" land on the right entry), then Fuse.js fuzzy
 * matches from the index prebuilt at build time.
 */
import Fuse from 'fuse.js';
import { normalizeName } from '../knowledge/normalize';
import { entryOfRef, refs, type Ref } from '../ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { KnowledgeSearcher, SearchDoc, SearchHit } from '../knowledge/types';
import { detectService } from '../detect/services';
import { SEARCH_OPTIONS } from './searchConfig';

type FuseIndexJson = { keys: Parameters<typeof Fuse.parseIndex>[0]['keys']; records: Parameters<typeof Fuse.parseIndex>[0]['records'] };

/** Fuse scores at most this many (query length × candidates) per search: the budget is 5 ms at p95. */
const FUSE_WORK = 300;
const NONE = new Uint16Array(0);

export class KnowledgeSearch implements KnowledgeSearcher {
  private readonly docs: SearchDoc[];
  private readonly index: FuseIndexJson;
  private readonly exact = new Map<string, Ref[]>();
  private readonly docsByRef = new Map<Ref, SearchDoc>();
  /** The index record of each document, by document position. */
  private readonly recordOf: FuseIndexJson['records'][number][] = [];
  /** Character pairs to the documents with them in a name or notation, or in the text; built on first use. */
  private pairs?: { names: Map<number, Uint16Array>; texts: Map<number, Uint16Array> };

  constructor(private readonly kb: KnowledgeBase) {
    const { docs, index } = kb.data.search;
    this.docs = docs;
    this.index = index as FuseIndexJson;
    for (const record of this.index.records) this.recordOf[record.i ?? 0] = record;
    for (const doc of docs) this.docsByRef.set(doc.ref, doc);
    const add = (key: string | undefined, ref: Ref) => {
      if (!key) return;
      const k = normalizeName(key);
      if (!k) return;
      const list = this.exact.get(k) ?? [];
      if (!list.includes(ref)) list.push(ref);
      this.exact.set(k, list);
    };
    for (const e of kb.entries) {
      const ref = refs.entry(e.id);
      for (const name of [e.name, e.short, ...e.aliases]) {
        add(name, ref);
        add(name?.replace(/^(Amazon|AWS)\s+/, ''), ref);
      }
      for (const v of [...e.notations.boto3, ...e.notations.iam, ...e.notations.terraform, ...e.notations.sdk]) add(v, ref);
      for (const ns of e.notations.cloudformation) add(`AWS::${ns}`, ref);
    }
    for (const r of kb.resources) {
      add(r.type, refs.resource(r.type));
      for (const tf of r.terraform) add(tf, refs.resource(r.type));
    }
    for (const p of kb.ports) add(String(p.port), refs.port(p.port));
  }

  /** The entry whose name, short name, alias or notation is exactly `text` (case and punctuation aside). */
  exactEntry(text: string): string | undefined {
    for (const ref of this.exact.get(normalizeName(text)) ?? []) {
      const id = entryOfRef(ref);
      if (id) return id;
    }
    return undefined;
  }

  doc(ref: Ref): SearchDoc | undefined {
    return this.docsByRef.get(ref);
  }

  search(query: string, limit = 50): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const results: SearchHit[] = [];
    const seen = new Set<string>();
    const push = (ref: Ref, score: number, exact: boolean) => {
      const doc = this.docsByRef.get(ref);
      if (!doc || seen.has(ref)) return;
      seen.add(ref);
      results.push({ doc, score, exact });
    };

    for (const ref of this.exact.get(normalizeName(q)) ?? []) push(ref, 0, true);
    for (const ref of this.notationRefs(q)) push(ref, 0, true);
    if (/^\d{1,5}$/.test(q)) push(refs.port(Number(q)), 0, true);

    for (const r of this.fuzzy(q, limit + results.length)) push(r.item.ref, r.score ?? 1, false);
    return results.slice(0, limit);
  }

  /**
   * Fuse.js over the prebuilt index, restricted to the documents that share most of the query's
   * character pairs: Fuse's bitap matching scans every field of every record it is given, which over the
   * whole index takes tens of milliseconds; a typo still shares most pairs, so candidates keep fuzziness.
   * Pairs found in a name or notation count more, so "nat" reaches the NAT gateway before long texts.
   */
  private fuzzy(q: string, limit: number) {
    const text = q.toLowerCase();
    if (text.length < 2) return [];
    const { names, texts } = (this.pairs ??= this.buildPairs());
    const wanted = new Set<number>();
    for (let i = 0; i + 1 < text.length; i++) wanted.add(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
    const covered = new Uint16Array(this.docs.length);
    const score = new Uint16Array(this.docs.length);
    // Marks the documents that had the current pair in a name, so the text does not count them twice.
    const seenInName = new Uint16Array(this.docs.length);
    let pair = 0;
    for (const p of wanted) {
      pair++;
      for (const doc of names.get(p) ?? NONE) {
        seenInName[doc] = pair;
        covered[doc]++;
        score[doc] += 3;
      }
      for (const doc of texts.get(p) ?? NONE) {
        if (seenInName[doc] === pair) continue;
        covered[doc]++;
        score[doc] += 1;
      }
    }
    const need = Math.max(1, Math.ceil(wanted.size * 0.5));
    const candidates: number[] = [];
    for (let i = 0; i < covered.length; i++) if (covered[i] >= need) candidates.push(i);
    const keep = Math.max(15, Math.min(100, Math.floor(FUSE_WORK / text.length)));
    const chosen = candidates.sort((a, b) => score[b] - score[a] || a - b).slice(0, keep);
    const records = chosen.map((i) => this.recordOf[i]).filter((r) => r !== undefined);
    const fuse = new Fuse(this.docs, SEARCH_OPTIONS, Fuse.parseIndex<SearchDoc>({ keys: this.index.keys, records }));
    return fuse.search(q, { limit });
  }

  private buildPairs(): { names: Map<number, Uint16Array>; texts: Map<number, Uint16Array> } {
    const index = (field: (d: SearchDoc) => string) => {
      const lists = new Map<number, number[]>();
      this.docs.forEach((d, i) => {
        const s = field(d).toLowerCase();
        const seen = new Set<number>();
        for (let j = 0; j + 1 < s.length; j++) {
          const p = s.charCodeAt(j) * 65536 + s.charCodeAt(j + 1);
          if (seen.has(p)) continue;
          seen.add(p);
          const list = lists.get(p);
          if (list) list.push(i);
          else lists.set(p, [i]);
        }
      });
      return new Map([...lists].map(([p, docs]) => [p, Uint16Array.from(docs)]));
    };
    return { names: index((d) => `${d.name} ${d.keys}`), texts: index((d) => `${d.summary} ${d.text}`) };
  }

  /** Reads the query as a notation the hover understands: AWS::S3::Bucket, s3:GetObject, aws_s3_bucket, an ARN. */
  private notationRefs(q: string): Ref[] {
    if (/\s/.test(q)) return [];
    const found = detectService(this.kb.lookup, { text: q, character: 0, neighbours: () => [], prose: false, terraformFile: true });
    if (!found || found.kind !== 'service' || found.span[1] - found.span[0] < q.length - 1) return [];
    const out: Ref[] = [];
    if (found.resourceType) out.push(refs.resource(found.resourceType));
    out.push(refs.entry(found.entryId));
    return out;
  }
}
