/** Where progress goes: stderr, drawn only when it is a terminal so logs and pipes stay clean. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A one-line status that rewrites itself (`\r`), cleared when the step is done. */
export class Progress {
  private shown = false;

  constructor(private readonly stream: ProgressStream) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(text: string): void {
    if (!this.enabled) return;
    this.stream.write(`\r\x1b[2K${text}`);
    this.shown = true;
  }

  /** Clears the line (so the next output starts clean), optionally leaving a final message. */
  done(text?: string): void {
    if (!this.enabled) return;
    if (this.shown) this.stream.write('\r\x1b[2K');
    if (text) this.stream.write(`${text}\n`);
    this.shown = false;
  }
}
