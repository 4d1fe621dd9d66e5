/** "Cloud Coach: Look Up Cloud Concept" as a user runs it: names, ports, notations, a selection. */
import * as assert from 'node:assert/strict';
import { screenshotOnFailure, Workbench } from './workbench';

describe('look up a cloud concept', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'look-up' });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  async function lookUp(query: string): Promise<string[]> {
    const rows = await wb.lookUp(query);
    await rows.first().waitFor({ timeout: 10_000 });
    await wb.page.waitForTimeout(300);
    return rows.allInnerTexts();
  }

  it('finds a service by its short name, its words and a typo', async () => {
    assert.match((await lookUp('ebs'))[0], /Amazon Elastic Block Store/);
    await wb.screenshot('ebs');
    assert.match((await lookUp('elastic block'))[0], /Amazon Elastic Block Store/);
    await wb.dismiss();
  });

  it('finds a port, a resource type and an IAM action', async () => {
    assert.match((await lookUp('5432'))[0], /5432 PostgreSQL/);
    assert.match((await lookUp('AWS::S3::Bucket'))[0], /AWS::S3::Bucket/);
    assert.match((await lookUp('s3:GetObject'))[0], /Amazon Simple Storage Service/);
    await wb.screenshot('notations');
    await wb.dismiss();
  });

  it('opens the chosen entry in the cheat sheet', async () => {
    await lookUp('dynamodb');
    await wb.page.keyboard.press('Enter');
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await wb.waitFor(async () => /DynamoDB/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 15_000, 'DynamoDB in the cheat sheet');
    await wb.screenshot('opened');
  });

  it('starts from the selection in the editor', async () => {
    await wb.openFile('python/orders.py');
    await wb.reveal('dynamodb');
    await wb.runCommand('Cloud Coach: Look Up Cloud Concept', { keepSelection: true });
    const input = wb.page.locator('.quick-input-widget input');
    await wb.waitFor(async () => (await input.inputValue()) === 'dynamodb', 5000, 'the selection in the search box');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Amazon DynamoDB' }).first().waitFor();
    await wb.screenshot('selection');
    await wb.dismiss();
  });
});
