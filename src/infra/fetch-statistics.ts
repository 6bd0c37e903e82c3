import { decodeStatisticsBytes, type TextEncoding } from "../domain/statistics/encoding.ts";
import { maxStatisticsFileBytes } from "../domain/statistics/table.ts";
import { AppError } from "../errors.ts";

export type FetchLimits = { timeoutMs: number; maxBytes: number };
export const defaultFetchLimits: FetchLimits = { timeoutMs: 15_000, maxBytes: maxStatisticsFileBytes };

const seconds = (ms: number) => (ms / 1000).toLocaleString("nb-NO", { maximumFractionDigits: 1 });
const megabytes = (bytes: number) =>
  (bytes / 1024 / 1024).toLocaleString("nb-NO", { maximumFractionDigits: 1 });

/**
 * Fetches a statistics file (a PxWebApi URL) on the server: only http and https, within a time
 * limit and a size limit, so a planner's URL cannot tie the server up or fill its memory. The bytes
 * are read as UTF-8 or Windows-1252, whichever they are (`decodeStatisticsBytes`).
 */
export async function fetchStatistics(
  url: string,
  limits: FetchLimits = defaultFetchLimits,
): Promise<{ text: string; encoding: TextEncoding }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("validation", "statistics.invalidUrl", {}, [
      { path: "/source/url", message: "Adressen er ikke en gyldig URL." },
    ]);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new AppError("validation", "statistics.httpOnly", {}, [
      { path: "/source/url", message: "Bare adresser som begynner med http:// eller https:// kan hentes." },
    ]);
  let response: Response;
  try {
    response = await fetch(parsed, {
      signal: AbortSignal.timeout(limits.timeoutMs),
      headers: { accept: "application/json, text/csv;q=0.9, */*;q=0.5" },
      redirect: "follow",
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw timedOut
      ? new AppError("validation", "statistics.timeout", { seconds: seconds(limits.timeoutMs) })
      : new AppError("validation", "statistics.fetchFailed", {
          host: parsed.host,
          reason: error instanceof Error ? error.message : { key: "statistics.unknownError" },
        });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new AppError("validation", "statistics.httpError", {
      status: response.status,
      statusText: response.statusText,
    });
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  const tooBig = () =>
    new AppError("validation", "statistics.tooLarge", { megabytes: megabytes(limits.maxBytes) });
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const reader = response.body?.getReader();
  if (!reader) return { text: "", encoding: "utf-8" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("validation", "statistics.timeout", { seconds: seconds(limits.timeoutMs) });
  }
  return decodeStatisticsBytes(Buffer.concat(chunks));
}
