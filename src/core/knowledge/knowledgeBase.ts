/** Read access to the compiled knowledge base: entries, resource types and ports by key. */
import { KNOWLEDGE_FORMAT, type CompiledKnowledge, type Entry, type PortEntry, type PortRange, type Question, type ResourceType } from './types';
import type { LookupTables } from './lookupTables';
import { joinKnowledge, type StudyKnowledge } from './split';

/** Reads one of the knowledge files, checking that it is of the format this version reads. */
function parseKnowledgeJson<T extends { format: number }>(text: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`the knowledge base file is not valid JSON (${(e as Error).message})`, { cause: e });
  }
  const format = (data as Partial<T> | null)?.format;
  if (format !== KNOWLEDGE_FORMAT) throw new Error(`the knowledge base has format ${String(format)}, expected ${KNOWLEDGE_FORMAT}: rebuild with npm run build`);
  return data as T;
}

export class KnowledgeBase {
  private readonly entriesById = new Map<string, Entry>();
  private readonly resourcesByType = new Map<string, ResourceType>();
  private readonly portsByNumber = new Map<number, PortEntry>();

  constructor(readonly data: CompiledKnowledge) {
    for (const e of data.entries) this.entriesById.set(e.id, e);
    for (const r of data.resources) this.resourcesByType.set(r.type, r);
    for (const p of data.ports) this.portsByNumber.set(p.port, p);
  }

  /** Parses `dist/knowledge.json`; throws a readable error when it is not a knowledge base of this version. */
  static fromJson(text: string): KnowledgeBase {
    return new KnowledgeBase(parseKnowledgeJson<CompiledKnowledge>(text));
  }

  /** The whole knowledge base, once the study part (`dist/knowledge-study.json`) has been read too. */
  withStudy(text: string): KnowledgeBase {
    return new KnowledgeBase(joinKnowledge(this.data, parseKnowledgeJson<StudyKnowledge>(text)));
  }

  get lookup(): LookupTables {
    return this.data.lookup;
  }

  get entries(): readonly Entry[] {
    return this.data.entries;
  }

  get questions(): readonly Question[] {
    return this.data.questions;
  }

  get ports(): readonly PortEntry[] {
    return this.data.ports;
  }

  get portRanges(): readonly PortRange[] {
    return this.data.portRanges;
  }

  get resources(): readonly ResourceType[] {
    return this.data.resources;
  }

  entry(id: string): Entry | undefined {
    return this.entriesById.get(id);
  }

  resource(type: string): ResourceType | undefined {
    return this.resourcesByType.get(type);
  }

  port(port: number): PortEntry | undefined {
    return this.portsByNumber.get(port);
  }

  /** The narrowest named range (well-known, registered, dynamic, ...) that holds the port. */
  rangeOf(port: number): PortRange | undefined {
    let best: PortRange | undefined;
    for (const r of this.data.portRanges)
      if (port >= r.from && port <= r.to && (!best || r.to - r.from < best.to - best.from)) best = r;
    return best;
  }

  /** The note a catalogue entry belongs to, or the entry itself. */
  mainEntry(id: string): Entry | undefined {
    const e = this.entry(id);
    return e?.partOf ? (this.entry(e.partOf) ?? e) : e;
  }
}
