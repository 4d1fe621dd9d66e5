/** Hovers in a bare VS Code, on the samples a user opens: every notation, a port, and silences. */
import * as assert from 'node:assert/strict';
import { screenshotOnFailure, Workbench } from './workbench';

describe('hovers', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'hover' });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  it('explains a CloudFormation resource type as the resource and its service', async () => {
    await wb.openFile('cloudformation/web-stack.yaml');
    const text = await wb.hover('AWS::EC2::Volume', 8);
    await wb.screenshot('cloudformation-volume');
    assert.match(text, /EBS volume/);
    assert.match(text, /Amazon Elastic Block Store/);
    assert.match(text, /Open in Cheat Sheet/);
    assert.match(text, /Quiz me on this/);
  });

  it('warns about SSH open to the whole internet', async () => {
    const text = await wb.hover('FromPort: 22', 10);
    await wb.screenshot('cloudformation-ssh-open');
    assert.match(text, /Port 22/);
    assert.match(text, /SSH/);
    assert.match(text, /0\.0\.0\.0\/0/);
  });

  it('stays quiet on numbers that are not ports', async () => {
    assert.equal(await wb.hover('Size: 100', 7), '');
    assert.equal(await wb.hover('HealthCheckIntervalSeconds: 30', 28), '');
  });

  it('explains a Terraform resource in a .tf file (plain text in a bare VS Code)', async () => {
    await wb.openFile('terraform/main.tf');
    const text = await wb.hover('"aws_instance"', 4);
    await wb.screenshot('terraform-instance');
    assert.match(text, /Amazon Elastic Compute Cloud/);
  });

  it('explains a boto3 client', async () => {
    await wb.openFile('python/orders.py');
    const text = await wb.hover('boto3.client("sqs"', 15);
    await wb.screenshot('boto3-sqs');
    assert.match(text, /Amazon Simple Queue Service/);
    assert.match(text, /boto3 client/);
  });

  it('keeps Python’s lambda quiet but explains Amazon S3 in a comment', async () => {
    assert.equal(await wb.hover('key=lambda o', 5), '');
    assert.match(await wb.hover('Amazon S3 keeps', 8), /Amazon Simple Storage Service/);
  });

  it('explains an IAM action', async () => {
    await wb.openFile('iam-policy.json');
    const text = await wb.hover('"s3:GetObject"', 6);
    await wb.screenshot('iam-action');
    assert.match(text, /IAM action/);
    assert.match(text, /GetObject/);
    assert.match(text, /Amazon Simple Storage Service/);
  });

  it('breaks an ARN into its parts', async () => {
    const text = await wb.hover('arn:aws:kms:us-east-1', 12);
    await wb.screenshot('arn');
    assert.match(text, /Key Management Service/);
    assert.match(text, /Partition/);
    assert.match(text, /us-east-1/);
    assert.match(text, /123456789012/);
  });

  it('explains a compose port mapping', async () => {
    await wb.openFile('compose/docker-compose.yml');
    const text = await wb.hover('"127.0.0.1:5432:5432/tcp"', 12);
    await wb.screenshot('compose-port');
    assert.match(text, /Port 5432/);
    assert.match(text, /PostgreSQL/);
    assert.match(text, /host port/);
  });

  it('explains SDK v3 clients and commands in TypeScript', async () => {
    await wb.openFile('typescript/upload.ts');
    const text = await wb.hover('new PutObjectCommand', 8);
    assert.match(text, /Amazon Simple Storage Service/);
    assert.match(text, /PutObject/);
    await wb.screenshot('sdk-command');
  });

  it('opens the cheat sheet on the entry from the hover link', async () => {
    await wb.openFile('cloudformation/web-stack.yaml');
    await wb.hover('AWS::S3::Bucket', 9);
    await wb.page.locator('.monaco-hover-content a', { hasText: 'Open in Cheat Sheet' }).first().click();
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await wb.waitFor(async () => /Simple Storage Service/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 15_000, 'the S3 entry');
    await wb.screenshot('hover-to-cheat-sheet');
  });

  it('respects the settings without a reload', async () => {
    await wb.openFile('cloudformation/web-stack.yaml');
    await wb.setSettings({ 'cloudCoach.hover.ports': false });
    assert.equal(await wb.hover('FromPort: 22', 10), '');
    assert.match(await wb.hover('AWS::EC2::Volume', 8), /EBS volume/);
    await wb.setSettings({ 'cloudCoach.hover.ports': true, 'cloudCoach.hover.detail': 'full' });
    const full = await wb.hover('AWS::EC2::Volume', 8);
    assert.match(full, /Pricing/);
    await wb.screenshot('full-detail');
  });
});
