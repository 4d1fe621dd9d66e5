import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect/detect';
import type { Detection } from '../../src/core/detect/detection';
import { code, escapeMarkdown, HOVER_COMMANDS, openEntryLink, quizLink, renderHover, resolveNoteLinks } from '../../src/core/hover/render';
import { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';
import { knowledgeBase } from './helpers';

const options = { services: true, ports: true, plainNames: true };

function at(text: string, needle: string, offset = 1, neighbours: string[] = [], languageId = 'yaml'): Detection {
  const lines = [text, ...neighbours];
  const d = detect(knowledgeBase().lookup, { text, character: text.indexOf(needle) + offset, languageId, fileName: 'x', lineAt: (n) => lines[n] }, options);
  assert.ok(d, `no detection for ${needle}`);
  return d;
}

describe('hover rendering', () => {
  const kb = knowledgeBase();

  it('explains a resource type: the resource, its note in one line, two facts, links', () => {
    const md = renderHover(kb, at('Type: AWS::EC2::Volume', 'AWS::'), { detail: 'compact' });
    assert.match(md, /^\*\*EBS volume\*\* · `AWS::EC2::Volume`/);
    assert.match(md, /\*\*Amazon Elastic Block Store \(EBS\)\*\* · \*Storage\* — /);
    assert.equal((md.match(/^- /gm) ?? []).length, 2, 'two key facts');
    assert.match(md, /\[Documentation\]\(https:\/\/docs\.aws\.amazon\.com\//);
    assert.ok(md.includes(`[Open in Cheat Sheet](${openEntryLink('ebs')})`));
    assert.ok(md.includes(`[Quiz me on this](${quizLink('ebs')})`));
  });

  it('shows the exam tip for a service, and the whole note in full detail', () => {
    const compact = renderHover(kb, at('x = boto3.client("sqs")', 'sqs', 1, [], 'python'), { detail: 'compact' });
    assert.match(compact, /\*\*Exam tip:\*\*/);
    const full = renderHover(kb, at('x = boto3.client("sqs")', 'sqs', 1, [], 'python'), { detail: 'full' });
    for (const heading of ['What it is for', 'Key facts', 'Pricing', 'Exam tips']) assert.match(full, new RegExp(`\\*\\*${heading}\\*\\*`));
    assert.ok(full.length > compact.length * 2);
  });

  it('only links to the two commands the hover trusts', () => {
    const md = renderHover(kb, at('Type: AWS::Lambda::Function', 'AWS::'), { detail: 'full' });
    const commands = [...md.matchAll(/\]\(command:([\w.]+)\?/g)].map((m) => m[1]);
    assert.ok(commands.length > 0);
    for (const c of commands) assert.ok((HOVER_COMMANDS as readonly string[]).includes(c), c);
    assert.doesNotMatch(md, /\]\(note:/, 'note: links are resolved');
  });

  it('breaks an ARN into a table', () => {
    const md = renderHover(kb, at('Resource: arn:aws:lambda:eu-west-1:123456789012:function:resize', 'arn', 3), { detail: 'compact' });
    assert.match(md, /\| Region \| `eu-west-1` \|/);
    assert.match(md, /\| Account \| `123456789012` \|/);
    assert.match(md, /\| Resource type \| `function` \|/);
    assert.match(md, /\| Resource \| `resize` \|/);
  });

  it('warns about a risky port open to the world, and not otherwise', () => {
    const open = renderHover(kb, at('  FromPort: 3389', '3389', 1, ['  ToPort: 3389', '  CidrIp: 0.0.0.0/0']), { detail: 'compact' });
    assert.match(open, /\$\(warning\) \*\*This rule opens RDP to `0\.0\.0\.0\/0`, the whole internet\.\*\*/);
    const closed = renderHover(kb, at('  FromPort: 3389', '3389', 1, ['  ToPort: 3389', '  CidrIp: 10.0.0.0/8']), { detail: 'compact' });
    assert.doesNotMatch(closed, /whole internet/);
    assert.match(closed, /\*Security:\*/);
  });

  it('explains a range and lists the risky ports it opens', () => {
    const md = renderHover(kb, at('  FromPort: 0', '0', 0, ['  ToPort: 65535', '  CidrIp: 0.0.0.0/0']), { detail: 'compact' });
    assert.match(md, /\*\*Ports 0–65535\*\* · a range of 65,536 ports \(every port\)/);
    assert.match(md, /This rule opens .*SSH \(22\)/);
  });

  it('says what it can read from an unknown AWS-shaped token, and names no service', () => {
    const md = renderHover(kb, at('Type: AWS::Quantumleap::Widget', 'AWS::'), { detail: 'compact' });
    assert.match(md, /Not in the Cloud Coach knowledge base yet/);
    assert.match(md, /namespace Quantumleap/);
    assert.doesNotMatch(md, /Open in Cheat Sheet/);
  });

  it("adds the learner's notes, escaped, with a link to the line, right under the official summary", () => {
    const md = renderHover(kb, at('Type: AWS::EC2::Instance', 'AWS::'), {
      detail: 'compact',
      userNotes: (id) => (id === 'ec2' ? [{ id: 'n1', term: 'EC2 *bold*', markdown: 'my words', file: 'file:///notes.md', line: 2, fileLabel: 'notes.md' }] : []),
    });
    assert.match(md, /\*\*Your notes\*\*/);
    assert.match(md, /- \*\*EC2 \\\*bold\\\*\*\*: my words — \[notes\\\.md:3\]\(command:cloudCoach\.openUserNote\?/);
    assert.ok(md.includes(`command:cloudCoach.openUserNote?${encodeURIComponent(JSON.stringify(['file:///notes.md', 2]))}`), 'the link opens that file at that line');
    const summary = md.indexOf(kb.entry('ec2')!.summary.slice(0, 30));
    const facts = md.indexOf('\n- ', md.indexOf('**Your notes**') + 20);
    assert.ok(summary > 0 && summary < md.indexOf('**Your notes**'), 'the summary comes first');
    assert.ok(md.indexOf('my words') < facts, 'the notes come before the key facts');
  });

  it("writes a learner's nested bullets as one line of sentences", () => {
    const md = renderHover(kb, at('Type: AWS::EC2::Instance', 'AWS::'), {
      detail: 'compact',
      userNotes: (id) => (id === 'ec2' ? [{ id: 'n1', term: 'EC2', markdown: 'rent servers by the second.\n\n    - Stop it to stop paying\n    - keep the EBS volume', file: 'file:///n.md', line: 0, fileLabel: 'n.md' }] : []),
    });
    assert.match(md, /\*\*EC2\*\*: rent servers by the second\. Stop it to stop paying; keep the EBS volume — /);
  });

  it('shows a status for retired services', () => {
    const md = renderHover(kb, at('- AWS CodeStar was used here', 'CodeStar', 2, [], 'markdown'), { detail: 'compact' });
    assert.match(md, /\*\*Status:\*\*/);
  });

  it('keeps code spans and Markdown safe', () => {
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('x'.repeat(200)).length, 2 + 120);
    assert.equal(escapeMarkdown('[x](y)'), '\\[x\\]\\(y\\)');
    assert.equal(resolveNoteLinks('see [EFS](note:efs)'), `see [EFS](${openEntryLink('efs')})`);
  });
});

describe('knowledge base file', () => {
  it('refuses a file that is not JSON or not of this format, with a clear message', () => {
    assert.throws(() => KnowledgeBase.fromJson('{not json'), /not valid JSON/);
    assert.throws(() => KnowledgeBase.fromJson('{"format": 99}'), /format 99, expected 1: rebuild with npm run build/);
  });

  it('finds the narrowest named range for a port', () => {
    const kb = knowledgeBase();
    assert.equal(kb.rangeOf(22)?.to, 1023);
    assert.ok((kb.rangeOf(50000)?.from ?? 0) >= 32768);
  });
});
