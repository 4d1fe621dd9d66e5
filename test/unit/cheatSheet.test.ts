import * as assert from 'node:assert/strict';
import { CheatSheetModel, CONCEPT_GROUPS } from '../../src/core/cheatSheet/viewModel';
import { NotesIndex } from '../../src/core/notes/notesIndex';
import { parseNotes } from '../../src/core/notes/parseNotes';
import type { UserNote } from '../../src/core/knowledge/userNotes';
import { renderInlineMarkdown, renderMarkdown } from '../../src/core/markdown';
import { parseCheatSheetMessage, type ComparisonModel, type DetailModel } from '../../src/core/protocol/cheatSheet';
import { KnowledgeSearch } from '../../src/core/search/search';
import { knowledgeBase } from './helpers';

describe('cheat sheet view model', () => {
  const kb = knowledgeBase();
  const notes: UserNote[] = [{ id: 'n1', term: 'EBS Volume', markdown: 'network drive for **one** instance', file: '/notes.md', line: 4, fileLabel: 'notes.md', entryId: 'ebs' }];
  const model = new CheatSheetModel(kb, new KnowledgeSearch(kb), {
    all: () => notes,
    forEntry: (id) => notes.filter((n) => n.entryId === id),
    byId: (id) => notes.find((n) => n.id === id),
  });

  it('groups every note and catalogue entry under its category, services first, sorted', () => {
    const home = model.home();
    const storage = home.categories.find((c) => c.name === 'Storage');
    assert.ok(storage?.items.some((i) => home.items[i].ref === 'entry:ebs'));
    const names = storage?.items.map((i) => home.items[i].name) ?? [];
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const listed = new Set(home.categories.flatMap((c) => c.items.map((i) => home.items[i].ref)));
    for (const e of kb.entries) if (e.kind !== 'concept') assert.ok(listed.has(`entry:${e.id}`), e.id);
  });

  it('lists entries by CLF-C02 domain with the exam weights', () => {
    const home = model.home();
    assert.deepEqual(home.domains.map((d) => d.weight), [24, 30, 34, 12]);
    assert.ok(home.domains[1].items.some((i) => home.items[i].ref === 'entry:iam'));
    assert.equal(new Set(home.items.map((i) => i.ref)).size, home.items.length, 'each entry crosses once');
  });

  it('has a Cloud Concepts section in study order', () => {
    const home = model.home();
    assert.deepEqual(home.concepts.map((g) => g.name), CONCEPT_GROUPS.map((g) => g.name));
    assert.equal(home.concepts.find((g) => g.name === 'Well-Architected Framework')?.items.length, 8);
  });

  it('lists the comparisons and renders one as a table', () => {
    const home = model.home();
    const ids = home.comparisons.map((c) => c.id);
    for (const id of ['block-file-object-storage', 's3-storage-classes', 'ec2-purchase-options', 'elb-types', 'support-plans', 'security-groups-vs-nacls', 'cloud-service-models'])
      assert.ok(ids.includes(id), `the comparison ${id}`);
    const c = model.detail('comparison:block-file-object-storage') as ComparisonModel;
    assert.equal(c.kind, 'comparison');
    assert.deepEqual(c.columns.slice(0, 2).map((col) => col.ref), ['entry:ebs', 'entry:efs']);
    for (const row of c.rows) assert.equal(row.cells.length, c.columns.length);
  });

  it('builds the ports table with ranges and risks', () => {
    const rows = model.home().ports;
    const ssh = rows.find((r) => r.port === '22');
    assert.equal(ssh?.protocol, 'SSH');
    assert.equal(ssh?.risk, 'remote-admin');
    assert.ok(rows.some((r) => r.port === '49152–65535'));
  });

  it("shows an entry's note, notations, related links, docs and the learner's notes", () => {
    const d = model.detail('entry:ebs') as DetailModel;
    assert.match(d.title, /Amazon Elastic Block Store/);
    assert.match(d.html, /<h2>Key facts<\/h2>/);
    assert.ok(d.notations.some((n) => n.label === 'CloudFormation' && n.values.includes('AWS::EC2::Volume')));
    assert.ok(d.notations.some((n) => n.label === 'Terraform' && n.values.includes('aws_ebs_volume')));
    assert.ok(d.related.some((r) => r.ref === 'entry:efs'));
    assert.match(d.docs ?? '', /^https:\/\//);
    assert.equal(d.quizTopic, 'ebs');
    assert.equal(d.userNotes[0].term, 'EBS Volume');
    assert.match(d.userNotes[0].html, /<strong>one<\/strong>/);
  });

  it('turns note: links into in-view links and external links into ones VS Code opens', () => {
    const d = model.detail('entry:ebs') as DetailModel;
    assert.match(d.html, /<a href="#" data-ref="entry:[a-z0-9-]+">/);
    assert.match(d.html, /data-external="https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('shows resource types and ports with their entry', () => {
    const r = model.detail('resource:AWS::EC2::Volume') as DetailModel;
    assert.equal(r.ref, 'resource:AWS::EC2::Volume');
    assert.match(r.html, /EBS volume/);
    const p = model.detail('port:5432') as DetailModel;
    assert.match(p.title, /5432 · PostgreSQL/);
    assert.equal(model.detail('entry:no-such-entry'), undefined);
  });

  it("searches the learner's notes with the knowledge base", () => {
    const items = model.search('EBS Volume');
    assert.ok(items.some((i) => i.ref === 'usernote:n1' && i.mine));
    assert.ok(items.some((i) => i.ref === 'entry:ebs'));
  });
});

describe('markdown rendering', () => {
  it('never passes raw HTML through', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;/);
    assert.doesNotMatch(renderInlineMarkdown('[x](javascript:alert(1))'), /href="javascript:/);
  });
});

describe('cheat sheet protocol', () => {
  it('accepts the messages the view sends', () => {
    assert.deepEqual(parseCheatSheetMessage({ type: 'open', ref: 'resource:AWS::S3::Bucket' }), { type: 'open', ref: 'resource:AWS::S3::Bucket' });
    assert.deepEqual(parseCheatSheetMessage({ type: 'search', query: 'ebs' }), { type: 'search', query: 'ebs' });
    assert.deepEqual(parseCheatSheetMessage({ type: 'rendered', ms: 12.5 }), { type: 'rendered', ms: 12.5 });
    assert.deepEqual(parseCheatSheetMessage({ type: 'rendered', ms: 12.5, sinceNavigation: 80 }), { type: 'rendered', ms: 12.5, sinceNavigation: 80 });
    assert.deepEqual(parseCheatSheetMessage({ type: 'rendered', ms: 12.5, sinceNavigation: 'soon' }), { type: 'rendered', ms: 12.5 });
    assert.deepEqual(parseCheatSheetMessage({ type: 'ready', homeVersion: 2 }), { type: 'ready', homeVersion: 2 });
    assert.deepEqual(parseCheatSheetMessage({ type: 'ready', homeVersion: 1.5 }), { type: 'ready' });
    assert.deepEqual(parseCheatSheetMessage({ type: 'openUserNote', file: 'file:///notes/aws.md', line: 3 }), { type: 'openUserNote', file: 'file:///notes/aws.md', line: 3 });
  });

  it('opens only notes files the notes index knows, whatever a hostile view sends', () => {
    const index = new NotesIndex({ exactEntry: () => undefined });
    index.setFile({ file: 'file:///notes/aws.md', label: 'aws.md', terms: parseNotes('- **EC2:** servers\n'), review: true });
    const hostile = [
      { type: 'openUserNote', file: '/etc/passwd', line: 0 },
      { type: 'openUserNote', file: 'file:///etc/passwd', line: 0 },
      { type: 'openUserNote', file: 'file:///notes/aws.md/../../etc/passwd', line: 0 },
      { type: 'openUserNote', file: 'vscode-userdata:/User/settings.json', line: 2 },
    ];
    for (const raw of hostile) {
      const m = parseCheatSheetMessage(raw);
      assert.equal(m?.type === 'openUserNote' ? index.target(m.file, m.line) : undefined, undefined, JSON.stringify(raw));
    }
    const ok = parseCheatSheetMessage({ type: 'openUserNote', file: 'file:///notes/aws.md', line: 7 });
    assert.deepEqual(ok?.type === 'openUserNote' ? index.target(ok.file, ok.line) : undefined, { file: 'file:///notes/aws.md', line: 7 });
    // The command path passes its arguments unchecked: the index still decides, and a bad line becomes 0.
    assert.deepEqual(index.target('file:///notes/aws.md', -5), { file: 'file:///notes/aws.md', line: 0 });
    assert.deepEqual(index.target('file:///notes/aws.md', 'x'), { file: 'file:///notes/aws.md', line: 0 });
    assert.equal(index.target(42, 1), undefined);
  });

  it('rejects everything else', () => {
    for (const m of [undefined, 'open', { type: 'open', ref: 'file:///etc/passwd' }, { type: 'openExternal', url: 'http://insecure' }, { type: 'openExternal', url: 'command:workbench.action.quit' }, { type: 'quiz', topic: '<b>' }, { type: 'search', query: 'x'.repeat(500) }, { type: 'openUserNote', file: '/x', line: -1 }]) {
      assert.equal(parseCheatSheetMessage(m), undefined, JSON.stringify(m));
    }
  });
});
