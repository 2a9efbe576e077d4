import { describe, expect, it } from 'vitest';
import { FRAME_TYPE, type Frame, type FrameType } from '../../../../mpc-servers/transport/frames.ts';
import { PeerLinkError } from '../../../../mpc-servers/transport/peer-channel.ts';
import { MaterialWindow, type MaterialConnection } from '../../../../mpc-servers/runtime/material-window.ts';

/** A connection whose sends complete only when the test lets them (a server that reads slowly). */
class SlowConnection implements MaterialConnection {
  readonly sent: number[] = [];
  private releases: (() => void)[] = [];
  private failWith: PeerLinkError | undefined;
  reply: Frame = { type: FRAME_TYPE.goodbye, payload: new Uint8Array(0) };

  async send(type: FrameType, payload: Uint8Array): Promise<void> {
    if (this.failWith) throw this.failWith;
    await new Promise<void>((resolve) => this.releases.push(resolve));
    if (this.failWith) throw this.failWith;
    if (type === FRAME_TYPE.data) this.sent.push(payload.byteLength);
  }
  /** Lets the oldest pending send complete. */
  takeOne(): void {
    this.releases.shift()?.();
  }
  breakLink(): void {
    this.failWith = new PeerLinkError('connection closed by the peer');
    for (const release of this.releases.splice(0)) release();
  }
  async next(): Promise<Frame> {
    return this.reply;
  }
  fail(): void {}
  async end(): Promise<void> {}
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const chunk = (bytes: number) => new Uint8Array(bytes);

describe('MaterialWindow', () => {
  it('holds at most its window for a server that does not read, and goes on as it reads', async () => {
    const window = new MaterialWindow('A', 300);
    let pushed = 0;
    const producer = (async () => {
      for (let i = 0; i < 6; i++) {
        await window.push(chunk(100));
        pushed++;
      }
    })();
    await settle();
    // Not connected yet: the window fills and the dealer waits.
    expect(window.heldBytes).toBeLessThanOrEqual(300);
    expect(pushed).toBe(2);
    const connection = new SlowConnection();
    window.attach(connection);
    for (let i = 0; i < 6; i++) {
      await settle();
      expect(window.heldBytes).toBeLessThanOrEqual(300);
      connection.takeOne();
    }
    await producer;
    await settle();
    connection.takeOne();
    await settle();
    expect(connection.sent).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('lets a chunk larger than the window through, one at a time', async () => {
    const window = new MaterialWindow('B', 50);
    const connection = new SlowConnection();
    window.attach(connection);
    let done = false;
    const first = window.push(chunk(80)).then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    connection.takeOne();
    await first;
    expect(window.heldBytes).toBe(0);
  });

  it('finishes once the server took everything and said goodbye', async () => {
    const window = new MaterialWindow('A', 1_000);
    const connection = new SlowConnection();
    window.attach(connection);
    await window.push(chunk(10));
    let finished = false;
    const finish = window.finish(1_000).then(() => (finished = true));
    await settle();
    expect(finished).toBe(false);
    connection.takeOne();
    await finish;
    expect(connection.sent).toEqual([10]);
  });

  it('fails a waiting push with SERVER_LOST when the stream breaks', async () => {
    const window = new MaterialWindow('B', 100);
    const connection = new SlowConnection();
    window.attach(connection);
    const push = window.push(chunk(100));
    await settle();
    connection.breakLink();
    await expect(push).rejects.toMatchObject({ code: 'SERVER_LOST', message: /server B broke/ });
    await expect(window.push(chunk(1))).rejects.toMatchObject({ code: 'SERVER_LOST' });
  });

  it('fails finish when the server answers anything but goodbye', async () => {
    const window = new MaterialWindow('A', 100);
    const connection = new SlowConnection();
    connection.reply = { type: FRAME_TYPE.data, payload: new Uint8Array(1) };
    window.attach(connection);
    await expect(window.finish(1_000)).rejects.toMatchObject({ code: 'SERVER_LOST' });
  });

  it('fails at once when told the server failed before connecting', async () => {
    const window = new MaterialWindow('A', 10);
    const push = window.push(chunk(10));
    window.fail('server A failed before taking its material (CONFIGURATION)');
    await expect(push).rejects.toMatchObject({ code: 'SERVER_LOST', message: /CONFIGURATION/ });
  });
});
