import { describe, expect, it } from "vitest";
import { readableLine } from "./logger.ts";

describe("readable log lines", () => {
  it("shows time, level, message and the other fields, and the error's stack below", () => {
    const line = readableLine(
      JSON.stringify({
        level: 30,
        time: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
        pid: 1,
        hostname: "h",
        reqId: "r-1",
        status: 200,
        msg: "GET /healthz",
      }),
    );
    expect(line).toBe("03:04:05.006 INFO  GET /healthz  reqId=r-1 status=200\n");
    const error = readableLine(
      JSON.stringify({ level: 50, time: 0, msg: "boom", err: { stack: "Error: x\n  at y" } }),
    );
    expect(error).toContain("ERROR boom\n    Error: x\n      at y");
  });

  it("passes a line that is not JSON through unchanged", () => {
    expect(readableLine("plain")).toBe("plain");
  });
});
