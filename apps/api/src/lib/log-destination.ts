import { write, writeSync } from "node:fs";

export type LogDestinationOptions = {
  /** The file descriptor written to (1: stdout). */
  fd: number;
  /** A block is written once it holds this many bytes… */
  blockBytes: number;
  /** …or once this many milliseconds have passed, so a quiet process's lines are not held back. */
  flushMs: number;
  /** At most this many bytes wait for a slow reader; lines beyond them are dropped and counted. */
  maxPendingBytes: number;
  /** Called when the backlog has been written after lines were dropped, with how many were. */
  onDropped?: (lines: number) => void;
};

/** Blocks kept for reuse once written, so a busy process allocates none. */
const SPARE_BLOCKS = 2;
/** Wait before writing again to a non-blocking pipe that was full (EAGAIN). */
const RETRY_MS = 10;
const RETRYABLE = new Set(["EAGAIN", "EBUSY"]);

/**
 * Where pino's lines go: each line is encoded straight into a reusable block, and a block is handed
 * to the kernel in one asynchronous write once it holds `blockBytes` or after `flushMs`. A request
 * never waits for the file, pipe or terminal behind the descriptor, one write at a time is in
 * flight, and a reader that falls behind costs at most `maxPendingBytes` of memory.
 *
 * Written by hand because pino's own destination (sonic-boom) measured badly under load: in
 * buffered mode it takes `Buffer.byteLength` of the whole pending text on every line, which makes
 * V8 copy that text (up to 8 KB) each time, and its string writes left 10–15 MB more native memory
 * at the peak of the benchmark. With this class a refused request cost ~10 % fewer instructions.
 */
export class LogDestination {
  readonly #options: LogDestinationOptions;
  readonly #capacity: number;
  #block: Buffer;
  #used = 0;
  /** Blocks waiting to be written, oldest first; while #writing, [0] is in flight. */
  readonly #queue: Buffer[] = [];
  #pendingBytes = 0;
  #writing = false;
  #broken = false;
  #dropped = 0;
  readonly #spares: Buffer[] = [];
  readonly #onWritten = (error: NodeJS.ErrnoException | null, bytes: number) =>
    this.#written(error, bytes);
  readonly #kick = () => this.#writeNext();

  constructor(options: LogDestinationOptions) {
    this.#options = options;
    this.#capacity = options.blockBytes * 2;
    this.#block = Buffer.allocUnsafeSlow(this.#capacity);
    setInterval(() => this.#seal(), options.flushMs).unref();
  }

  write(line: string): void {
    if (this.#broken) return;
    if (this.#pendingBytes + this.#used + line.length > this.#options.maxPendingBytes) {
      this.#dropped++;
      return;
    }
    // A UTF-16 code unit is at most 3 bytes of UTF-8: a line that might not fit starts a block.
    if (line.length * 3 > this.#capacity - this.#used) {
      this.#seal();
      if (line.length * 3 > this.#capacity) {
        // Its own memory, never a slice of Node's shared pool: written blocks may be reused.
        const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(line));
        bytes.write(line, 0, "utf8");
        this.#enqueue(bytes);
        return;
      }
    }
    this.#used += this.#block.write(line, this.#used, "utf8");
    if (this.#used >= this.#options.blockBytes) this.#seal();
  }

  /**
   * Writes every line not yet handed to the kernel, synchronously: for the process's `exit`. A
   * block already in flight is left to its asynchronous write (sonic-boom does the same).
   */
  flushSync(): void {
    const filled = this.#takeFilled();
    if (filled) this.#queue.push(filled);
    const start = this.#writing ? 1 : 0;
    for (const block of this.#queue.splice(start)) {
      if (!this.#broken) this.#writeAllSync(block);
    }
    this.#pendingBytes = this.#queue.reduce((sum, block) => sum + block.length, 0);
  }

  #seal(): void {
    const filled = this.#takeFilled();
    if (filled) this.#enqueue(filled);
  }

  /** The current block's lines, if any; writing goes on in a spare or new block. */
  #takeFilled(): Buffer | undefined {
    if (this.#used === 0) return undefined;
    const filled = this.#block.subarray(0, this.#used);
    this.#block = this.#spares.pop() ?? Buffer.allocUnsafeSlow(this.#capacity);
    this.#used = 0;
    return filled;
  }

  #enqueue(bytes: Buffer): void {
    this.#queue.push(bytes);
    this.#pendingBytes += bytes.length;
    this.#writeNext();
  }

  #writeNext(): void {
    const head = this.#queue[0];
    if (this.#writing || this.#broken || !head) return;
    this.#writing = true;
    write(this.#options.fd, head, 0, head.length, null, this.#onWritten);
  }

  #written(error: NodeJS.ErrnoException | null, bytes: number): void {
    this.#writing = false;
    const head = this.#queue[0];
    if (!head) return;
    if (error) {
      if (RETRYABLE.has(error.code ?? "")) setTimeout(this.#kick, RETRY_MS);
      else this.#break(error);
      return;
    }
    this.#pendingBytes -= bytes;
    if (bytes < head.length) {
      this.#queue[0] = head.subarray(bytes);
    } else {
      this.#queue.shift();
      this.#recycle(head);
    }
    if (this.#queue.length === 0 && this.#dropped > 0) {
      const dropped = this.#dropped;
      this.#dropped = 0;
      this.#options.onDropped?.(dropped);
    }
    this.#writeNext();
  }

  #recycle(written: Buffer): void {
    if (written.buffer.byteLength === this.#capacity && this.#spares.length < SPARE_BLOCKS) {
      this.#spares.push(Buffer.from(written.buffer));
    }
  }

  #writeAllSync(block: Buffer): void {
    let rest = block;
    let retries = 0;
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(this.#options.fd, rest));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "";
        if (!RETRYABLE.has(code) || ++retries > 100) {
          this.#break(error as Error);
          return;
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_MS);
      }
    }
  }

  /** The descriptor cannot be written (e.g. EPIPE: its reader is gone): lines are discarded. */
  #break(error: Error): void {
    this.#broken = true;
    this.#queue.length = 0;
    this.#pendingBytes = 0;
    try {
      writeSync(2, `log output failed, lines are discarded from now on: ${error.message}\n`);
    } catch {
      // stderr is gone too: nothing more can be said.
    }
  }
}
