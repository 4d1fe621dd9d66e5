/** The extension as a user first meets it: installed in a real VS Code, activated, its commands and sidebar. */
import * as assert from 'node:assert/strict';
import { screenshotOnFailure, Workbench } from './workbench';

describe('Cloud Coach in a real VS Code', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'foundation' });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  it('activates without errors and loads its knowledge base', async () => {
    await wb.screenshot('workbench');
    const log = wb.extensionLog();
    assert.match(log, /Cloud Coach activated/);
    assert.match(log, /Knowledge base ready for hovers in \d+ ms \(\d+ ms after activation; reading the file took \d+ ms\): \d+ entries, \d+ ports/);
    assert.match(log, /Knowledge base loaded in \d+ ms more: \d+ questions, \d+ comparisons, search index/);
    assert.doesNotMatch(log, /\[error\]/);
    const host = wb.extensionHostLog();
    assert.doesNotMatch(host, /Activating extension 'cloudcoach\.cloud-coach' failed/);
    assert.doesNotMatch(host, /cloudcoach\.cloud-coach.*(Error|error)/);
  });

  it('lists its commands in the command palette', async () => {
    const entries = await wb.paletteEntries('Cloud Coach');
    await wb.screenshot('palette');
    for (const title of ['Cloud Coach: Start Quiz', 'Cloud Coach: Look Up Cloud Concept', 'Cloud Coach: Open Cheat Sheet', 'Cloud Coach: Review Due Cards']) {
      assert.ok(entries.some((e) => e.includes(title)), `${title} in ${JSON.stringify(entries)}`);
    }
    assert.ok(!entries.some((e) => e.includes('Open Note')), 'internal commands stay out of the palette');
    await wb.dismiss();
  });

  it('shows its icon in the activity bar, which opens the cheat sheet', async () => {
    const icon = wb.page.locator('.activitybar [aria-label^="Cloud Coach"]').first();
    await icon.waitFor({ state: 'visible' });
    await icon.click();
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('searchbox', { name: 'Search' }).waitFor();
    await wb.screenshot('sidebar');
  });
});
