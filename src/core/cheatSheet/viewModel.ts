/** What the cheat sheet shows, computed from the knowledge base: pure data for the webview. */
import { entryOfRef, parseRef, refs, type Ref } from '../ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { CATEGORIES, DOMAIN_NAMES, DOMAIN_WEIGHTS, type Domain, type Entry, type KnowledgeSearcher } from '../knowledge/types';
import { NO_USER_NOTES, type UserNote, type UserNotesSource } from '../knowledge/userNotes';
import { renderInlineMarkdown, renderMarkdown } from '../markdown';
import { markdownToPlainText } from '../plainText';
import type { ComparisonModel, DetailModel, HomeModel, ListItem, PortRow } from '../protocol/cheatSheet';

/** The Cloud Concepts section, in the order a learner studies it. */
export const CONCEPT_GROUPS: { name: string; ids: string[] }[] = [
  { name: 'What cloud computing is', ids: ['cloud-computing', 'cloud-characteristics', 'cloud-advantages', 'cloud-pricing-fundamentals'] },
  { name: 'Service models', ids: ['iaas', 'paas', 'saas'] },
  { name: 'Deployment models', ids: ['public-cloud', 'private-cloud', 'hybrid-cloud'] },
  { name: 'Scaling and availability', ids: ['scalability', 'elasticity', 'high-availability', 'disaster-recovery'] },
  { name: 'Global infrastructure', ids: ['regions', 'availability-zones', 'edge-locations', 'local-zones', 'wavelength', 'outposts'] },
  { name: 'Shared responsibility', ids: ['shared-responsibility-model', 'least-privilege'] },
  {
    name: 'Well-Architected Framework',
    ids: ['well-architected-framework', 'wa-operational-excellence', 'wa-security', 'wa-reliability', 'wa-performance-efficiency', 'wa-cost-optimization', 'wa-sustainability', 'well-architected-tool'],
  },
  { name: 'Adoption and migration', ids: ['cloud-adoption-framework', 'migration-strategies'] },
];

export function listItem(e: Entry): ListItem {
  return { ref: refs.entry(e.id), name: e.name, category: e.category, summary: markdownToPlainText(e.summary), status: e.status };
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export class CheatSheetModel {
  /** Everything on the home screen but the learner's notes: it depends on the knowledge base only. */
  private staticHome?: Omit<HomeModel, 'myNotes'>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly searchIndex: KnowledgeSearcher,
    private readonly notes: UserNotesSource = NO_USER_NOTES,
  ) {}

  /** `notesNotice`: why some notes are not read here (see the notes feature). */
  home(notesNotice?: string): HomeModel {
    this.staticHome ??= this.buildStaticHome();
    return { ...this.staticHome, myNotes: this.notes.all().map((n) => this.noteItem(n)), ...(notesNotice ? { notesNotice } : {}) };
  }

  private buildStaticHome(): Omit<HomeModel, 'myNotes'> {
    const entries = this.kb.entries;
    const items: ListItem[] = [];
    const position = new Map<string, number>();
    const ref = (e: Entry) => {
      let i = position.get(e.id);
      if (i === undefined) {
        i = items.push(listItem(e)) - 1;
        position.set(e.id, i);
      }
      return i;
    };
    const sorted = (list: Entry[]) => [...list].sort((a, b) => collator.compare(a.name, b.name)).map(ref);
    const categories = CATEGORIES.map((name) => ({
      name,
      items: sorted(entries.filter((e) => e.category === name && e.kind !== 'concept')),
    })).filter((c) => c.items.length);
    const domains = ([1, 2, 3, 4] as Domain[]).map((domain) => ({
      domain,
      name: DOMAIN_NAMES[domain],
      weight: DOMAIN_WEIGHTS[domain],
      items: sorted(entries.filter((e) => e.domains.includes(domain))),
    }));
    const concepts = CONCEPT_GROUPS.map((g) => ({
      name: g.name,
      items: g.ids.map((id) => this.kb.entry(id)).filter((e): e is Entry => !!e).map(ref),
    })).filter((g) => g.items.length);
    return {
      items,
      categories,
      domains,
      concepts,
      comparisons: this.kb.data.comparisons.map((c) => ({ id: c.id, title: c.title, intro: c.intro })),
      ports: this.portRows(),
    };
  }

  private noteItem(n: UserNote): ListItem {
    return { ref: refs.userNote(n.id), name: n.term, category: `My notes · ${n.fileLabel}`, summary: markdownToPlainText(n.markdown).slice(0, 160), mine: true };
  }

  portRows(): PortRow[] {
    const rows: PortRow[] = this.kb.ports.map((p) => ({
      port: String(p.port),
      transport: p.transport.join('/').toUpperCase(),
      protocol: p.protocol,
      name: p.name,
      use: p.use,
      aws: p.aws.map((id) => this.kb.entry(id)).filter((e): e is Entry => !!e).map((e) => ({ ref: refs.entry(e.id), name: e.short ?? e.name })),
      risk: p.risk,
    }));
    for (const r of this.kb.portRanges) rows.push({ port: `${r.from}–${r.to}`, transport: 'TCP/UDP', protocol: 'Range', name: r.name, use: r.use, aws: [] });
    return rows;
  }

  search(query: string, limit = 40): ListItem[] {
    const items: ListItem[] = [];
    const q = query.trim().toLowerCase();
    if (q) {
      for (const n of this.notes.all()) if (n.term.toLowerCase().includes(q)) items.push(this.noteItem(n));
    }
    for (const r of this.searchIndex.search(query, limit)) {
      const id = entryOfRef(r.doc.ref);
      const entry = id ? this.kb.entry(id) : undefined;
      items.push({ ref: r.doc.ref, name: r.doc.name, category: r.doc.category, summary: r.doc.summary, status: entry?.status });
    }
    return items.slice(0, limit);
  }

  detail(ref: Ref): DetailModel | ComparisonModel | undefined {
    const parsed = parseRef(ref);
    if (!parsed) return undefined;
    const { kind, key } = parsed;
    switch (kind) {
      case 'entry':
        return this.entryDetail(key);
      case 'resource':
        return this.resourceDetail(key);
      case 'port':
        return this.portDetail(Number(key));
      case 'comparison':
        return this.comparison(key);
      case 'usernote':
        return this.userNoteDetail(key);
    }
  }

  private entryDetail(id: string, prefix = ''): DetailModel | undefined {
    const e = this.kb.entry(id);
    if (!e) return undefined;
    const main = e.partOf ? this.kb.entry(e.partOf) : undefined;
    const body = [
      e.summary,
      main ? `Part of [${main.name}](note:${main.id}).` : '',
      e.body,
    ]
      .filter(Boolean)
      .join('\n\n');
    const related = [...new Set([...(main ? [main.id] : []), ...e.related, ...e.confused])]
      .map((r) => this.kb.entry(r))
      .filter((r): r is Entry => !!r)
      .map((r) => ({ ref: refs.entry(r.id), name: r.name }));
    return {
      kind: 'entry',
      ref: refs.entry(e.id),
      title: e.short && e.short !== e.name ? `${e.name} (${e.short})` : e.name,
      category: e.category,
      kindLabel: e.kind === 'catalog' ? 'Catalogue entry' : e.kind === 'service' ? 'Service' : e.kind === 'feature' ? 'Feature' : 'Concept',
      status: e.status ? renderInlineMarkdown(e.status) : undefined,
      html: prefix + renderMarkdown(body),
      notations: this.notations(e),
      related,
      docs: e.docs ?? main?.docs,
      quizTopic: e.kind === 'catalog' ? main?.id : e.id,
      userNotes: this.notes.forEntry(e.id).map((n) => ({ term: n.term, html: renderMarkdown(n.markdown), file: n.file, line: n.line, fileLabel: n.fileLabel })),
    };
  }

  private notations(e: Entry): DetailModel['notations'] {
    const n = e.notations;
    const resources = this.kb.resources.filter((r) => r.entry === e.id);
    const rows: DetailModel['notations'] = [
      { label: 'CloudFormation', values: [...n.cloudformation.map((ns) => `AWS::${ns}::*`), ...resources.filter((r) => !r.isParameterType).map((r) => r.type)] },
      { label: 'CloudFormation parameters', values: resources.filter((r) => r.isParameterType).map((r) => r.type) },
      { label: 'Terraform', values: [...n.terraform.map((p) => `${p}_*`), ...resources.flatMap((r) => r.terraform)] },
      { label: 'boto3', values: n.boto3.map((b) => `boto3.client('${b}')`) },
      { label: 'AWS SDK for JavaScript', values: n.sdk },
      { label: 'IAM actions', values: n.iam.map((i) => `${i}:*`) },
      { label: 'Service principal', values: n.principal },
    ];
    return rows.filter((r) => r.values.length).map((r) => ({ ...r, values: [...new Set(r.values)] }));
  }

  private resourceDetail(type: string): DetailModel | undefined {
    const r = this.kb.resource(type);
    if (!r) return undefined;
    const head = renderMarkdown(`**${r.name}** — \`${r.type}\`${r.terraform.length ? ` · Terraform ${r.terraform.map((t) => `\`${t}\``).join(', ')}` : ''}\n\n${r.summary}\n\n---`);
    const detail = this.entryDetail(r.entry, head);
    return detail && { ...detail, kind: 'resource', ref: refs.resource(r.type) };
  }

  private portDetail(port: number): DetailModel | undefined {
    const p = this.kb.port(port);
    if (!p) return undefined;
    const range = this.kb.rangeOf(port);
    const users = p.aws.map((id) => this.kb.entry(id)).filter((e): e is Entry => !!e);
    const lines = [
      p.use,
      users.length ? `**On AWS:** ${users.map((e) => `[${e.short ?? e.name}](note:${e.id})`).join(', ')}` : '',
      p.security ? `**Security:** ${p.security}` : '',
      range ? `*${range.name}* (${range.from}–${range.to}).` : '',
    ];
    return {
      kind: 'port',
      ref: refs.port(p.port),
      title: `Port ${p.port} · ${p.protocol}`,
      category: `${p.name} · ${p.transport.join('/').toUpperCase()}`,
      kindLabel: 'Port',
      html: renderMarkdown(lines.filter(Boolean).join('\n\n')),
      notations: [],
      related: users.map((e) => ({ ref: refs.entry(e.id), name: e.name })),
      docs: p.docs,
      userNotes: [],
    };
  }

  private comparison(id: string): ComparisonModel | undefined {
    const c = this.kb.data.comparisons.find((x) => x.id === id);
    if (!c) return undefined;
    return {
      kind: 'comparison',
      ref: refs.comparison(c.id),
      title: c.title,
      intro: c.intro,
      columns: c.columns.map((col) => ({ name: col.name, ref: col.entry ? refs.entry(col.entry) : undefined })),
      rows: c.rows.map((r) => ({ label: r.label, cells: r.values.map((v) => renderInlineMarkdown(v)) })),
      docs: c.docs,
    };
  }

  private userNoteDetail(id: string): DetailModel | undefined {
    const n = this.notes.byId(id);
    if (!n) return undefined;
    const entry = n.entryId ? this.kb.entry(n.entryId) : undefined;
    return {
      kind: 'usernote',
      ref: refs.userNote(n.id),
      title: n.term,
      category: `My notes · ${n.fileLabel}`,
      kindLabel: 'Your note',
      html: renderMarkdown(n.markdown),
      notations: [],
      related: entry ? [{ ref: refs.entry(entry.id), name: entry.name }] : [],
      userNotes: [{ term: n.term, html: '', file: n.file, line: n.line, fileLabel: n.fileLabel }],
    };
  }
}
