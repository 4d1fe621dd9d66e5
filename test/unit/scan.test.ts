/** "In this file" and "In this workspace": what the scanner finds, the findings, the grouping, the workspace loop. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyFindings } from '../../src/core/scan/findings';
import { scanFile, type FileScan } from '../../src/core/scan/scanFile';
import { countServices, quizTopics, summarizeFile, summarizeWorkspace } from '../../src/core/scan/summarize';
import { gitignoreGlobs, isScannable, languageOfFile, scanFiles, WorkspaceTally, type ReadResult } from '../../src/core/scan/workspace';
import { knowledgeBase } from './helpers';

const root = join(__dirname, '..', '..');
const kb = knowledgeBase();
const scanText = (text: string, fileName: string): FileScan => scanFile(kb.lookup, { lines: text.split('\n'), languageId: languageOfFile(fileName), fileName }, (type) => kb.resource(type)?.entry);
const sample = (path: string) => scanText(readFileSync(join(root, 'samples', path), 'utf8'), path);

describe('scanning a file', () => {
  it('lists the services, resource types, IAM actions and ports of a CloudFormation template, grouped by service', () => {
    const summary = summarizeFile(kb, sample('cloudformation/web-stack.yaml'));
    const group = (name: string) => summary.groups.find((g) => g.name === name);
    assert.deepEqual(group('Amazon Virtual Private Cloud')?.items.map((i) => i.label).sort(), ['AWS::EC2::SecurityGroup', 'AWS::EC2::Subnet', 'AWS::EC2::Subnet::Id', 'AWS::EC2::VPC', 'public subnet', 'VPC'].sort());
    assert.deepEqual(group('Amazon Simple Storage Service')?.items.find((i) => i.label === 's3:GetObject')?.lines, [94]);
    assert.equal(group('Amazon Elastic Block Store')?.items[0].ref, 'entry:ebs');
    assert.equal(group('Amazon Virtual Private Cloud')?.items.find((i) => i.label === 'AWS::EC2::SecurityGroup')?.ref, 'entry:security-groups');
    assert.ok(summary.groups[0].count >= summary.groups.at(-1)!.count, 'most mentioned first');
    assert.deepEqual(summary.ports.map((p) => p.label), ['Ports 0–65535 (every port)', '22 SSH', '80 HTTP', '443 HTTPS', '5432 PostgreSQL']);
    assert.equal(summary.empty, false);
  });

  it('puts SSH open to the world first, once per rule, with its line and the concept that explains it', () => {
    const findings = summarizeFile(kb, sample('cloudformation/web-stack.yaml')).findings;
    assert.deepEqual(findings.map((f) => [f.line + 1, f.concept.ref]), [[39, 'entry:security-groups']]);
    assert.match(findings[0].text, /SSH \(22\) to 0\.0\.0\.0\/0/);
    const tf = summarizeFile(kb, sample('terraform/main.tf')).findings;
    assert.deepEqual(tf.map((f) => f.text.match(/opens (\w+)/)?.[1]), ['RDP', 'PostgreSQL']);
  });

  it('finds a policy that allows every action, every resource or anyone, and not a Deny', () => {
    const yaml = ['Statement:', '  - Effect: Allow', '    Action: "*"', '    Resource:', "      - '*'", '  - Effect: Deny', '    Action: "*"', '    Resource: "*"'];
    assert.deepEqual(policyFindings(yaml).map((f) => [f.kind, f.line]), [['any-action', 2], ['any-resource', 3]]);
    const bucket = ['{"Statement": [{', '  "Effect": "Allow",', '  "Principal": "*",', '  "Action": "s3:GetObject",', '  "Resource": "arn:aws:s3:::site/*"', '}]}'];
    assert.deepEqual(policyFindings(bucket).map((f) => [f.kind, f.concept]), [['any-principal', 's3-bucket-policies']]);
    const tf = ['data "aws_iam_policy_document" "x" {', '  statement {', '    actions   = ["*"]', '    resources = ["arn:aws:s3:::b"]', '  }', '}'];
    assert.deepEqual(policyFindings(tf).map((f) => f.kind), ['any-action'], 'a Terraform statement allows unless it says Deny');
  });

  it('says plainly when a file has no AWS in it', () => {
    const summary = summarizeFile(kb, scanText('def add(a, b):\n    return a + b  # lambda x: x\n', 'math.py'));
    assert.equal(summary.empty, true);
    assert.deepEqual(summary.groups, []);
  });

  it('finds what the hover finds: every expected service of the real-world corpus is listed on its line', () => {
    const file = 'realworld/terraform-containers/terraform-aws-modules__terraform-aws-vpc/vpc-flow-logs.tf';
    const text = readFileSync(join(root, 'test', 'fixtures', file), 'utf8');
    const scan = scanText(text, file);
    const listed = new Set(scan.mentions.flatMap((m) => (m.kind === 'service' ? [`${m.line + 1}:${m.token}`] : [])));
    for (const token of ['aws_flow_log', 'aws_cloudwatch_log_group', 'aws_iam_role', 'aws_caller_identity']) assert.ok([...listed].some((l) => l.endsWith(`:${token}`)), token);
  });

  it('reads a 1 MB minified template in pieces, and a binary-looking text without failing', () => {
    const minified = JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`R${i}`, { Type: 'AWS::S3::Bucket' }])) });
    const scan = scanText(minified, 'min.json');
    assert.equal(countServices(scan).find((c) => c.entryId === 's3')?.count, 5000);
    assert.doesNotThrow(() => scanText('\u0000\u0001AWS::EC2::Instance\u0000', 'blob.json'));
  });

  it('quizzes on the notes of the services found, features included, catalogue-only APIs through their note', () => {
    const topics = quizTopics(kb, countServices(sample('cloudformation/web-stack.yaml'))).map((t) => t.topic);
    for (const t of ['vpc', 'ec2', 's3', 'ebs', 'rds', 'security-groups', 'subnets']) assert.ok(topics.includes(t), t);
    assert.ok(topics.every((t) => kb.entry(t)?.kind !== 'catalog'));
  });
});

describe('scanning a workspace', () => {
  it('counts the kinds of files it reads and skips generated folders', () => {
    for (const f of ['template.yaml', 'infra/main.tf', 'app/handler.py', 'lib/stack.ts', 'Dockerfile', 'docker/api.dockerfile', 'compose.yml']) assert.ok(isScannable(f), f);
    for (const f of ['node_modules/x/index.js', 'cdk.out/Stack.template.json', '.terraform/modules/x/main.tf', '.aws-sam/build/template.yaml', 'README.md', 'logo.png']) assert.ok(!isScannable(f), f);
    assert.deepEqual(gitignoreGlobs('# comment\nnode_modules/\n/build\n*.log\nsrc/generated/\n!keep'), ['**/node_modules', '**/node_modules/**', '**/build', '**/build/**', '**/*.log', '**/*.log/**']);
  });

  it('tallies services across files, sorted by use, and updates when a file changes or goes', () => {
    const tally = new WorkspaceTally();
    tally.set('a.yaml', [{ entryId: 's3', count: 3 }, { entryId: 'ec2', count: 1 }]);
    tally.set('b.tf', [{ entryId: 's3', count: 1 }]);
    assert.deepEqual(tally.services(), [{ entryId: 's3', count: 4, files: 2 }, { entryId: 'ec2', count: 1, files: 1 }]);
    tally.remove('a.yaml');
    assert.deepEqual(tally.services(), [{ entryId: 's3', count: 1, files: 1 }]);
    const rows = summarizeWorkspace(kb, [{ entryId: 'nat-gateway', count: 2, files: 1 }, { entryId: 'vpc', count: 1, files: 1 }], new Map([['vpc', { answered: 4, correct: 1 }]]));
    assert.deepEqual(rows.map((r) => [r.name, r.count, r.answered, r.correct]), [['Amazon Virtual Private Cloud', 3, 4, 1]], 'a feature counts for its service, with the learner’s answers on it');
  });

  it('gives way to the host between slices, stops on request, caps the file count and skips what it cannot read', async () => {
    let clock = 0;
    const files = Array.from({ length: 30 }, (_, i) => `f${i}.yaml`);
    const read = async (f: string): Promise<ReadResult> => (f === 'f3.yaml' ? { skipped: 'binary' } : f === 'f4.yaml' ? { skipped: 'unreadable' } : { text: 'Type: AWS::S3::Bucket' });
    let pauses = 0;
    const result = await scanFiles(files, read, () => (clock += 7), { maxFiles: 20, sliceMs: 20, now: () => clock, pause: async () => void pauses++, cancelled: () => false });
    assert.deepEqual([result.scanned, result.skipped.binary, result.skipped.unreadable, result.skipped.overCap], [18, 1, 1, 10]);
    assert.ok(pauses >= 5, `${pauses} pauses: one after every slice of 20 ms`);
    assert.ok(result.longestBlockMs <= 7, `longest block ${result.longestBlockMs} ms: every read and pause gives way`);
    let n = 0;
    const stopped = await scanFiles(files, read, () => n++, { maxFiles: 100, sliceMs: 20, now: () => 0, pause: async () => undefined, cancelled: () => n >= 5 });
    assert.equal(stopped.cancelled, true);
    assert.equal(stopped.scanned, 5);
  });
});
