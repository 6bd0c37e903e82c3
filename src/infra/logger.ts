import pino, { type DestinationStream, type Logger } from "pino";
import type { Config } from "../config.ts";

const levelNames: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
const hidden = new Set(["level", "time", "pid", "hostname", "msg", "err"]);

/** One JSON log line as a line people read: time, level, message, then the other fields as key=value. */
export function readableLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(typeof entry.time === "number" ? entry.time : Date.now()).toISOString().slice(11, 23);
  const level = (levelNames[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !hidden.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? "").split("\n").join("\n    ")}` : "";
  return `${time} ${level} ${String(entry.msg ?? "")}${fields.length ? `  ${fields.join(" ")}` : ""}${stack}\n`;
}

/** Writes pino's JSON lines to stdout as readable lines (no transport worker, no extra package). */
function readableStream(): DestinationStream {
  return {
    write: (chunk: string) => {
      for (const line of chunk.split("\n")) if (line) process.stdout.write(readableLine(line));
    },
  };
}

/** JSON lines in production (and tests), readable lines in development. */
export function createLogger(config: Pick<Config, "logLevel"> & { env?: Config["env"] }): Logger {
  const options = { level: config.logLevel };
  return config.env === "development" ? pino(options, readableStream()) : pino(options);
}
