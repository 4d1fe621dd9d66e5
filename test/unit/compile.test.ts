import * as assert from 'node:assert/strict';
import { compileContent, type ContentFile } from '../../src/compiler/compile';
import { formatProblem } from '../../src/compiler/yamlSource';
import { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';
import { joinKnowledge, splitKnowledge } from '../../src/core/knowledge/split';
import { knowledgeBase } from './helpers';

/** A valid note; tests break one thing at a time. */
function note(id: string, overrides: { front?: string; body?: string } = {}): ContentFile {
  const front =
    overrides.front ??
    `id: ${id}
kind: service
name: Amazon ${id.toUpperCase()}
category: Storage
domains: [3]
docs: https://docs.aws.amazon.com/${id}/`;
  const body =
    overrides.body ??
    `Amazon ${id.toUpperCase()} stores things.

## What it is for
Storing things.

## Key facts
- It stores things.

## Pricing
Pay per GB.

## Exam tips
- Remember it stores things.`;
  return { path: `content/notes/${id}.md`, text: `---\n${front}\n---\n${body}\n` };
}

function problems(files: ContentFile[]): string[] {
  return compileContent(files).problems.map(formatProblem);
}

describe('content compiler', () => {
  it('compiles valid notes into entries with their key facts and exam tips', () => {
    const result = compileContent([note('alpha'), note('beta')]);
    assert.deepEqual(result.problems, []);
    const alpha = result.knowledge?.entries.find((e) => e.id === 'alpha');
    assert.equal(alpha?.summary, 'Amazon ALPHA stores things.');
    assert.deepEqual(alpha?.keyFacts, ['It stores things.']);
    assert.deepEqual(alpha?.examTips, ['Remember it stores things.']);
    assert.equal(result.knowledge?.counts.notes, 2);
  });

  it('reports a missing front-matter field on the front matter', () => {
    const bad = note('alpha', { front: 'id: alpha\nkind: service\nname: Alpha\ndomains: [3]\ndocs: https://docs.aws.amazon.com/a/' });
    assert.deepEqual(problems([bad]), ['content/notes/alpha.md:2: `category` is missing']);
  });

  it('reports unknown fields and wrong values on their own lines', () => {
    const bad = note('alpha', {
      front: 'id: alpha\nkind: service\nname: Alpha\ncategory: Storage\ndomains: [3, 7]\ncolour: blue\ndocs: https://docs.aws.amazon.com/a/',
    });
    assert.deepEqual(problems([bad]), [
      'content/notes/alpha.md:2: unknown field(s): colour',
      'content/notes/alpha.md:6: `domains.1` must be 1, 2, 3 or 4',
    ]);
  });

  it('rejects an unknown category', () => {
    const bad = note('alpha', { front: 'id: alpha\nkind: service\nname: Alpha\ncategory: Storagee\ndomains: [3]\ndocs: https://docs.aws.amazon.com/a/' });
    assert.match(problems([bad])[0], /^content\/notes\/alpha\.md:5: `category` is not a known category/);
  });

  it('rejects invalid URLs in the front matter and in links', () => {
    const badFront = note('alpha', { front: 'id: alpha\nkind: service\nname: Alpha\ncategory: Storage\ndomains: [3]\ndocs: docs.aws.amazon.com/a' });
    assert.deepEqual(problems([badFront]), ['content/notes/alpha.md:7: `docs` must be an https URL']);
    const badLink = note('alpha', {
      body: 'Alpha stores things.\n\n## What it is for\nSee [the guide](http:/broken).\n\n## Key facts\n- Fact.\n\n## Pricing\nFree.\n\n## Exam tips\n- Tip.',
    });
    assert.deepEqual(problems([badLink]), ['content/notes/alpha.md:12: link target "http:/broken" is not an https URL or a note: link']);
  });

  it('rejects YAML that does not parse, with its line', () => {
    const bad = note('alpha', { front: 'id: alpha\nkind: [service\nname: Alpha' });
    const list = problems([bad]);
    assert.ok(list.length > 0);
    assert.match(list[0], /^content\/notes\/alpha\.md:\d+: YAML: /);
  });

  it('requires the id to match the file name', () => {
    const bad = { ...note('alpha'), path: 'content/notes/beta.md' };
    assert.deepEqual(problems([bad]), ['content/notes/beta.md:2: `id` "alpha" must match the file name "beta.md"']);
  });

  it('rejects duplicate ids across notes and the catalogue', () => {
    const catalog = { path: 'content/catalog/services.yaml', text: '- id: alpha\n  name: Alpha Other\n  summary: Another alpha.\n  category: Storage\n' };
    assert.deepEqual(problems([note('alpha'), catalog]), ['content/catalog/services.yaml:1: duplicate id "alpha" (also content/notes/alpha.md:1)']);
  });

  it('rejects aliases that collide with another entry name', () => {
    const beta = note('beta', {
      front: 'id: beta\nkind: service\nname: Beta\naliases: [Amazon ALPHA]\ncategory: Storage\ndomains: [3]\ndocs: https://docs.aws.amazon.com/b/',
    });
    assert.deepEqual(problems([note('alpha'), beta]), ['content/notes/beta.md:1: the name or alias "amazon alpha" is already claimed by "alpha" (content/notes/alpha.md:1)']);
  });

  it('rejects a notation claimed twice', () => {
    const front = (id: string) => `id: ${id}\nkind: service\nname: N ${id}\ncategory: Storage\ndomains: [3]\nnotations:\n  boto3: [shared]\ndocs: https://docs.aws.amazon.com/x/`;
    assert.deepEqual(problems([note('alpha', { front: front('alpha') }), note('beta', { front: front('beta') })]), [
      'content/notes/beta.md:1: boto3 "shared" is already claimed by "alpha" (content/notes/alpha.md:1)',
    ]);
  });

  it('rejects references to unknown ids, in front matter and in note: links', () => {
    const bad = note('alpha', {
      front: 'id: alpha\nkind: service\nname: Alpha\ncategory: Storage\ndomains: [3]\nrelated: [nowhere]\ndocs: https://docs.aws.amazon.com/a/',
      body: 'Alpha stores things.\n\n## What it is for\nUnlike [Gamma](note:gamma).\n\n## Key facts\n- Fact.\n\n## Pricing\nFree.\n\n## Exam tips\n- Tip.',
    });
    assert.deepEqual(problems([bad]), [
      'content/notes/alpha.md:7: `related` refers to unknown id "nowhere"',
      'content/notes/alpha.md:13: link refers to unknown id "gamma"',
    ]);
  });

  it('rejects empty, missing, unknown and misordered sections', () => {
    const empty = note('alpha', { body: 'Alpha stores things.\n\n## What it is for\n\n## Key facts\n- Fact.\n\n## Pricing\nFree.\n\n## Exam tips\n- Tip.' });
    assert.deepEqual(problems([empty]), ['content/notes/alpha.md:11: section "What it is for" is empty']);
    const missing = note('alpha', { body: 'Alpha stores things.\n\n## What it is for\nThings.\n\n## Key facts\n- Fact.\n\n## Exam tips\n- Tip.' });
    assert.deepEqual(problems([missing]), ['content/notes/alpha.md:9: the section "## Pricing" is missing']);
    const unknown = note('alpha', { body: 'Alpha stores things.\n\n## What it is for\nThings.\n\n## Trivia\nNone.\n\n## Key facts\n- Fact.\n\n## Pricing\nFree.\n\n## Exam tips\n- Tip.' });
    assert.deepEqual(problems([unknown]), ['content/notes/alpha.md:14: unknown section "Trivia"; sections are: What it is for, Key facts, Pricing, Compared with, Exam tips']);
    const order = note('alpha', { body: 'Alpha stores things.\n\n## Key facts\n- Fact.\n\n## What it is for\nThings.\n\n## Pricing\nFree.\n\n## Exam tips\n- Tip.' });
    assert.deepEqual(problems([order]), ['content/notes/alpha.md:14: section "What it is for" is out of order or repeated; the order is: What it is for, Key facts, Pricing, Compared with, Exam tips']);
  });

  it('requires a one-sentence summary within the length limit', () => {
    const two = note('alpha', { body: note('alpha').text.split('---\n')[2].replace('Amazon ALPHA stores things.', 'Alpha stores things. It also sorts them.') });
    assert.deepEqual(problems([two]), ['content/notes/alpha.md:9: the summary must be one sentence (found 2)']);
    const long = note('alpha', { body: note('alpha').text.split('---\n')[2].replace('Amazon ALPHA stores things.', `Alpha ${'stores things and '.repeat(20)}more.`) });
    assert.match(problems([long])[0], /^content\/notes\/alpha\.md:9: the summary is \d+ characters; keep it to 240$/);
  });

  it('requires a Compared with bullet linking each confused entry', () => {
    const alpha = note('alpha', {
      front: 'id: alpha\nkind: service\nname: Alpha\ncategory: Storage\ndomains: [3]\nconfused: [beta]\ndocs: https://docs.aws.amazon.com/a/',
      body: 'Alpha stores things.\n\n## What it is for\nThings.\n\n## Key facts\n- Fact.\n\n## Pricing\nFree.\n\n## Compared with\n- Beta is different.\n\n## Exam tips\n- Tip.',
    });
    assert.deepEqual(problems([alpha, note('beta')]), ['content/notes/alpha.md:7: "Compared with" has no [..](note:beta) link for confused entry "beta"']);
  });

  it('rejects catalogue rows still marked TODO', () => {
    const catalog = { path: 'content/catalog/services.yaml', text: '- id: gamma\n  name: Gamma\n  summary: TODO\n  category: Storage\n' };
    assert.deepEqual(problems([catalog]), ['content/catalog/services.yaml:3: `summary` is still TODO']);
  });

  it('validates ports: numbers in range, no duplicates, a security note with every risk', () => {
    const ports = {
      path: 'content/ports.yaml',
      text: [
        '- port: 70000',
        '  transport: [tcp]',
        '  protocol: X',
        '  name: X',
        '  use: Nothing.',
        '- port: 22',
        '  transport: [tcp]',
        '  protocol: SSH',
        '  name: Secure Shell',
        '  use: Logins.',
        '  risk: remote-admin',
        '- port: 22',
        '  transport: [tcp]',
        '  protocol: SSH',
        '  name: Secure Shell',
        '  use: Logins.',
        '- range: [2000, 1000]',
        '  name: Backwards',
        '  use: Nothing.',
      ].join('\n'),
    };
    assert.deepEqual(problems([ports]), [
      'content/ports.yaml:1: `port` must be 0 to 65535',
      'content/ports.yaml:6: `security` is required when `risk` is set',
      'content/ports.yaml:12: duplicate port 22 (also line 6)',
      'content/ports.yaml:17: `range` starts after it ends (2000 > 1000)',
    ]);
  });

  it('validates resource types against the CloudFormation type list', () => {
    const types = { path: 'content/cloudformation-types.txt', text: '# types\nAWS::EC2::Volume\n' };
    const resources = {
      path: 'content/resources.yaml',
      text: '- type: AWS::EC2::Volume\n  name: EBS volume\n  summary: A disk.\n  entry: alpha\n- type: AWS::EC2::Volumes\n  name: Typo\n  summary: A typo.\n  entry: alpha\n',
    };
    assert.deepEqual(problems([note('alpha'), types, resources]), ['content/resources.yaml:5: AWS::EC2::Volumes is not a CloudFormation resource type (see content/cloudformation-types.txt)']);
  });

  describe('questions', () => {
    const question = (q: string) => ({ path: 'content/questions/domain-3.yaml', text: q });
    const single = (options: string) => `- id: d3-001\n  domain: 3\n  topics: [alpha]\n  type: single\n  question: Which service stores things?\n  options:\n${options}`;
    const opt = (text: string, correct = false, why = 'Because.') => `    - text: ${text}\n${correct ? '      correct: true\n' : ''}${why ? `      why: ${why}\n` : ''}`;

    it('accepts a well-formed single-answer question', () => {
      assert.deepEqual(problems([note('alpha'), question(single(opt('A', true) + opt('B') + opt('C') + opt('D')))]), []);
    });

    it('requires exactly four options and one correct answer for single', () => {
      assert.deepEqual(problems([note('alpha'), question(single(opt('A', true) + opt('B', true) + opt('C')))]), [
        'content/questions/domain-3.yaml:7: a single-answer question has exactly 4 options (found 3)',
        'content/questions/domain-3.yaml:7: a single-answer question has exactly 1 correct option (found 2)',
      ]);
    });

    it('requires an explanation on every option and no duplicate options', () => {
      assert.deepEqual(problems([note('alpha'), question(single(opt('A', true) + opt('B', false, '') + opt('C') + opt('a')))]), [
        'content/questions/domain-3.yaml:10: `options.1.why` is missing',
      ]);
      assert.deepEqual(problems([note('alpha'), question(single(opt('A', true) + opt('B') + opt('C') + opt('a')))]), ['content/questions/domain-3.yaml:14: duplicate option (same as option 1)']);
    });

    it('requires "(Choose N.)" to match the correct options of a multiple-response question', () => {
      const multiple = `- id: d3-002\n  domain: 3\n  topics: [alpha]\n  type: multiple\n  question: Which two store things? (Choose three.)\n  options:\n${opt('A', true)}${opt('B', true)}${opt('C')}${opt('D')}${opt('E')}`;
      assert.deepEqual(problems([note('alpha'), question(multiple)]), ['content/questions/domain-3.yaml:5: says "(Choose three.)" but 2 options are correct']);
    });

    it('rejects unknown domains and topics', () => {
      const bad = `- id: d3-003\n  domain: 5\n  topics: [nowhere]\n  type: single\n  question: Q?\n  options:\n${opt('A', true)}${opt('B')}${opt('C')}${opt('D')}`;
      assert.deepEqual(problems([question(bad)]), ['content/questions/domain-3.yaml:2: `domain` must be 1, 2, 3 or 4']);
      const topic = bad.replace('domain: 5', 'domain: 3');
      assert.deepEqual(problems([question(topic)]), ['content/questions/domain-3.yaml:3: `topics` refers to unknown id "nowhere"']);
    });
  });
});

describe('the knowledge files', () => {
  it('split into what hovers read and the rest, and join back into the knowledge base as compiled', () => {
    const k = knowledgeBase().data;
    const { core, study } = splitKnowledge(k);
    assert.equal(core.questions.length, 0);
    assert.ok(core.entries.every((e) => e.body === '' && e.notations.boto3.length === 0), 'no note bodies or notations in the core');
    assert.deepEqual(core.lookup, k.lookup, 'the core has every look-up table a hover needs');
    assert.ok(JSON.stringify(core).length < JSON.stringify(k).length / 2, 'the core is under half the whole');
    assert.deepEqual(JSON.parse(JSON.stringify(joinKnowledge(core, study))), JSON.parse(JSON.stringify(k)));
    const kb = KnowledgeBase.fromJson(JSON.stringify(core)).withStudy(JSON.stringify(study));
    assert.equal(kb.entry('ebs')?.body, k.entries.find((e) => e.id === 'ebs')?.body);
    assert.throws(() => KnowledgeBase.fromJson(JSON.stringify(core)).withStudy('{"format":0}'), /format 0, expected 1/);
  });
});
