/** A minimal event emitter whose `event` has the shape of `vscode.Event` (listener in, disposable out). */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  /** Subscribe; dispose the result to unsubscribe. */
  readonly event = (listener: (value: T) => void): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Calls every listener; one throwing listener does not stop the others. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // a listener's failure is its own; the model keeps going
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
