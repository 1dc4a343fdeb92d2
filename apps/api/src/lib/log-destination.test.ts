import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { LogDestination } from "./log-destination.ts";

let dir: string;
let path: string;
let fd: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "taskline-log-"));
  path = join(dir, "out.log");
  fd = openSync(path, "w");
});
afterEach(() => {
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});

const written = () => readFileSync(path, "utf8");
const options = { blockBytes: 1024, flushMs: 50, maxPendingBytes: 1024 * 1024 };

describe("LogDestination", () => {
  test("every line reaches the file byte for byte and in order, across many blocks", async () => {
    const destination = new LogDestination({ fd, ...options });
    const lines = Array.from({ length: 3_000 }, (_, i) => `{"n":${i},"text":"é 😀 漢字 ${i}"}\n`);
    lines.splice(1_500, 0, `{"big":"${"é".repeat(5_000)}"}\n`); // larger than a block's capacity
    for (const line of lines) destination.write(line);
    const expected = lines.join("");
    await vi.waitFor(() => expect(written().length).toBe(expected.length), { timeout: 5_000 });
    expect(written()).toBe(expected);
  });

  test("a partly filled block waits for the interval, then is written", async () => {
    const destination = new LogDestination({ fd, ...options, flushMs: 300 });
    destination.write("one\n");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written()).toBe("");
    await vi.waitFor(() => expect(written()).toBe("one\n"), { timeout: 5_000 });
  });

  test("flushSync writes what is buffered at once", () => {
    const destination = new LogDestination({ fd, ...options, flushMs: 60_000 });
    destination.write("first\n");
    destination.write("second\n");
    destination.flushSync();
    expect(written()).toBe("first\nsecond\n");
  });
});

describe("a reader that falls behind", () => {
  /**
   * A child writes 20,000 lines to stdout (a pipe this test does not read at first) through a
   * destination that keeps at most 64 KB pending, then reports the count of dropped lines.
   */
  async function runBehindReader(nonBlocking: boolean) {
    const script = `
      const { LogDestination } = await import(${JSON.stringify(new URL("./log-destination.ts", import.meta.url).href)});
      ${nonBlocking ? "process.stdout;" : ""}
      const destination = new LogDestination({
        fd: 1, blockBytes: 1024, flushMs: 50, maxPendingBytes: 64 * 1024,
        onDropped: (lines) => {
          destination.write("dropped " + lines + "\\n");
          destination.flushSync();
          process.exit(0);
        },
      });
      for (let i = 0; i < 20000; i++) destination.write("line " + i + " " + "x".repeat(80) + "\\n");
      process.stderr.write("written\\n");`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pause();
    await new Promise<void>((resolve) => {
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        if (chunk.includes("written")) resolve();
      });
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { code, lines: output.split("\n").filter(Boolean) };
  }

  test.each([
    ["a blocking pipe", false],
    ["a non-blocking pipe (EAGAIN)", true],
  ])(
    "%s: lines beyond the limit are dropped, the rest arrive whole and in order, and the count is reported",
    async (_, nonBlocking) => {
      const { code, lines } = await runBehindReader(nonBlocking);
      expect(code).toBe(0);
      const report = lines.pop() ?? "";
      expect(report).toMatch(/^dropped \d+$/);
      const dropped = Number(report.split(" ")[1]);
      expect(dropped).toBeGreaterThan(0);
      expect(lines.length + dropped).toBe(20_000);
      const numbers = lines.map((line) => {
        expect(line).toMatch(/^line \d+ x{80}$/);
        return Number(line.split(" ")[1]);
      });
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(numbers[0]).toBe(0);
    },
  );
});
