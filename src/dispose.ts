/**
 * One way to own disposables (in the manner of vscode-hexeditor's `dispose.ts`): a class registers what
 * it creates and `dispose()` releases all of it once, newest first, even if one of them throws.
 */
export interface Disposable {
  dispose(): unknown;
}

export function disposeAll(disposables: Disposable[]): void {
  while (disposables.length) {
    try {
      disposables.pop()?.dispose();
    } catch {
      // One failing disposable must not keep the others alive.
    }
  }
}

export abstract class DisposableStore implements Disposable {
  private disposed = false;
  private readonly owned: Disposable[] = [];

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `d`; disposes it at once if this object is already disposed. */
  protected register<T extends Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.owned);
  }
}
