import * as assert from 'node:assert/strict';
import { CheatSheetModel, CONCEPT_GROUPS, type UserNoteView } from '../../src/core/cheatSheet/viewModel';
import { renderInlineMarkdown, renderMarkdown } from '../../src/core/markdown';
import { parseCheatSheetMessage, type ComparisonModel, type DetailModel } from '../../src/core/protocol/cheatSheet';
import { KnowledgeSearch } from '../../src/core/search/search';
import { knowledgeBase } from './helpers';

describe('search', () => {
  const kb = knowledgeBase();
  const search = new KnowledgeSearch(kb);
  const first = (q: string) => search.search(q, 5)[0]?.doc.ref;

  it('puts exact names, short names and aliases first', () => {
    assert.equal(first('ebs'), 'entry:ebs');
    assert.equal(first('EBS'), 'entry:ebs');
    assert.equal(first('Amazon S3'), 'entry:s3');
    assert.equal(first('route 53'), 'entry:route-53');
  });

  it('reads notations: resource types, IAM actions, Terraform types, ports', () => {
    assert.equal(first('AWS::S3::Bucket'), 'resource:AWS::S3::Bucket');
    assert.equal(first('s3:GetObject'), 'entry:s3');
    assert.equal(first('aws_s3_bucket'), 'resource:AWS::S3::Bucket');
    assert.equal(first('5432'), 'port:5432');
  });

  it('finds by words of the name, fuzzily', () => {
    assert.equal(first('elastic block'), 'entry:ebs');
    assert.equal(first('elastik blok'), 'entry:ebs');
    assert.equal(first('glacier deep'), 'entry:s3-glacier-deep-archive');
  });

  it('prefers a match in a name over the same letters in a long text', () => {
    const top = search.search('nat', 3).map((r) => r.doc.ref);
    assert.ok(top.some((r) => r === 'entry:nat-gateway' || r === 'resource:AWS::EC2::NatGateway'), top.join(', '));
  });

  it('returns nothing for nonsense and for an empty query', () => {
    assert.deepEqual(search.search('xyzzyqq'), []);
    assert.deepEqual(search.search('   '), []);
  });
});

describe('cheat sheet view model', () => {
  const kb = knowledgeBase();
  const notes: UserNoteView[] = [{ id: 'n1', term: 'EBS Volume', markdown: 'network drive for **one** instance', file: '/notes.md', line: 4, fileLabel: 'notes.md', entryId: 'ebs' }];
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
    assert.ok(home.comparisons.length >= 10);
    const c = model.detail(`comparison:${home.comparisons[0].id}`) as ComparisonModel;
    assert.ok(c.columns.length >= 2);
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
    assert.deepEqual(parseCheatSheetMessage({ type: 'ready', savedAt: 5, homeVersion: 2 }), { type: 'ready', savedAt: 5, homeVersion: 2 });
    assert.deepEqual(parseCheatSheetMessage({ type: 'ready', savedAt: 'x', homeVersion: 1.5 }), { type: 'ready', savedAt: 0 });
  });

  it('rejects everything else', () => {
    for (const m of [undefined, 'open', { type: 'open', ref: 'file:///etc/passwd' }, { type: 'openExternal', url: 'http://insecure' }, { type: 'openExternal', url: 'command:workbench.action.quit' }, { type: 'quiz', topic: '<b>' }, { type: 'search', query: 'x'.repeat(500) }, { type: 'openUserNote', file: '/x', line: -1 }]) {
      assert.equal(parseCheatSheetMessage(m), undefined, JSON.stringify(m));
    }
  });
});
