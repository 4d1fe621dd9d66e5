/**
 * How long the cheat sheet takes to paint its first screen: from the moment VS Code asks for the view
 * (or shows it again) to the first frame the page reports, split into VS Code's webview start-up and the
 * page's own work. Written to the log, where the e2e suite reads it.
 */
export class RenderTiming {
  private opened = 0;
  private ready = 0;
  private homeSent = 0;
  /** The latest first-render time, in ms. */
  lastMs?: number;

  viewOpened(now = Date.now()): void {
    this.opened = now;
    this.ready = 0;
    this.homeSent = 0;
  }

  pageReady(now = Date.now()): void {
    this.ready ||= now;
  }

  homeModelSent(now = Date.now()): void {
    this.homeSent ||= now;
  }

  /** The log line for a `rendered` report; `sinceNavigation` is the page's own time since it began to load. */
  rendered(sinceNavigation: number | undefined, now = Date.now()): string {
    this.lastMs = now - this.opened;
    const page = sinceNavigation === undefined ? '' : `${sinceNavigation.toFixed(0)} ms from the start of its page, the rest in VS Code's webview start-up; `;
    const home = this.homeSent ? `, home model sent ${this.homeSent - this.ready} ms later` : ', home model came with the page';
    return `Cheat sheet: first screen rendered in ${this.lastMs} ms after the view opened (${page}page ready after ${this.ready - this.opened} ms${home})`;
  }
}
