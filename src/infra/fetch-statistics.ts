import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { defaultFetchHosts } from "../config.ts";
import { decodeStatisticsBytes, type TextEncoding } from "../domain/statistics/encoding.ts";
import { maxStatisticsFileBytes } from "../domain/statistics/table.ts";
import { AppError } from "../errors.ts";
import { ipLiteral, isPublicAddress } from "./network-address.ts";

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to its addresses (the system's resolver by default; tests give their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Where the server may fetch from. */
export type FetchPolicy = {
  /** Host names that may be fetched (redirects included); null: any host with public addresses. */
  hosts: string[] | null;
  /** Also plain http (https always). */
  allowHttp: boolean;
  /** Redirects followed at most. */
  maxRedirects: number;
  resolve?: Resolver;
  /**
   * Lets a non-public address through: only for tests' own local servers, never from configuration.
   */
  permit?: (address: string, port: number) => boolean;
};

/** Statistics Norway's API hosts, https only. */
export const defaultFetchPolicy: FetchPolicy = {
  hosts: defaultFetchHosts,
  allowHttp: false,
  maxRedirects: 3,
};

export type FetchLimits = { timeoutMs: number; maxBytes: number; policy?: FetchPolicy };
export const defaultFetchLimits: FetchLimits = { timeoutMs: 15_000, maxBytes: maxStatisticsFileBytes };

const seconds = (ms: number) => (ms / 1000).toLocaleString("nb-NO", { maximumFractionDigits: 1 });
const megabytes = (bytes: number) =>
  (bytes / 1024 / 1024).toLocaleString("nb-NO", { maximumFractionDigits: 1 });

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** One answer for every way a connection can fail, so a refused port looks like a closed one. */
const failed = () => new AppError("validation", "statistics.fetchUnavailable");
const refused = () =>
  new AppError("validation", "statistics.addressRefused", {}, [
    { path: "/source/url", message: "Adressen kan ikke hentes av tjeneren." },
  ]);

function parseUrl(url: string, base?: URL): URL {
  try {
    return new URL(url, base);
  } catch {
    throw new AppError("validation", "statistics.invalidUrl", {}, [
      { path: "/source/url", message: "Adressen er ikke en gyldig URL." },
    ]);
  }
}

/**
 * Checks a URL against the policy and resolves its host once: the address returned is the one
 * connected to, so a name cannot resolve to a public address for the check and a private one for
 * the connection.
 */
async function checkedTarget(url: URL, policy: FetchPolicy): Promise<ResolvedAddress> {
  if (url.protocol !== "https:" && !(policy.allowHttp && url.protocol === "http:"))
    throw new AppError("validation", "statistics.httpsOnly", {}, [
      { path: "/source/url", message: "Bare adresser som begynner med https:// kan hentes." },
    ]);
  if (url.username || url.password) throw refused();
  const hostname = url.hostname.toLowerCase();
  if (policy.hosts && !policy.hosts.includes(hostname))
    throw new AppError("validation", "statistics.hostNotAllowed", { hosts: policy.hosts.join(", ") }, [
      { path: "/source/url", message: "Tjeneren henter bare fra de tillatte statistikktjenestene." },
    ]);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const literal = ipLiteral(hostname);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await (policy.resolve ?? systemResolver)(hostname);
    } catch {
      throw failed();
    }
  }
  const allowed = (a: ResolvedAddress) =>
    isPublicAddress(a.address) || policy.permit?.(a.address, port) === true;
  // Every address the name has must be public, not only the first one.
  const [first] = addresses;
  if (!first || !addresses.every(allowed)) throw refused();
  return first;
}

function get(url: URL, target: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  // The connection goes to the checked address; TLS still verifies the certificate for the name.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      lookup: pinned,
      signal,
      headers: { accept: "application/json, text/csv;q=0.9, */*;q=0.5" },
    });
    request.once("response", resolve);
    request.once("error", reject);
  });
}

/**
 * Fetches a statistics file (a PxWebApi URL) on the server: https only (http where configured), to
 * public addresses of the allowed hosts only, each redirect checked again and at most
 * `maxRedirects` of them, within a time limit and a size limit, so a planner's URL can neither
 * probe the internal network nor tie the server up or fill its memory. What a failed fetch
 * answered is never read or repeated.
 */
export async function fetchStatistics(
  url: string,
  limits: FetchLimits = defaultFetchLimits,
): Promise<{ text: string; encoding: TextEncoding }> {
  const policy = limits.policy ?? defaultFetchPolicy;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const timedOut = () =>
    new AppError("validation", "statistics.timeout", { seconds: seconds(limits.timeoutMs) });
  let current = parseUrl(url);
  let response: IncomingMessage;
  for (let redirects = 0; ; redirects++) {
    const target = await checkedTarget(current, policy);
    try {
      response = await get(current, target, signal);
    } catch {
      throw signal.aborted ? timedOut() : failed();
    }
    const status = response.statusCode ?? 0;
    if (status < 300 || status >= 400) break;
    response.destroy();
    const location = response.headers.location;
    if (!location || redirects >= policy.maxRedirects)
      throw new AppError("validation", "statistics.tooManyRedirects", { max: policy.maxRedirects });
    current = parseUrl(location, current);
  }
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    response.destroy();
    throw new AppError("validation", "statistics.httpStatus", { status });
  }
  const declared = Number(response.headers["content-length"] ?? "0");
  const tooBig = () =>
    new AppError("validation", "statistics.tooLarge", { megabytes: megabytes(limits.maxBytes) });
  if (declared > limits.maxBytes) {
    response.destroy();
    throw tooBig();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) {
        response.destroy();
        throw tooBig();
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw signal.aborted ? timedOut() : failed();
  }
  // The bytes are read as UTF-8 or Windows-1252, whichever they are.
  return decodeStatisticsBytes(Buffer.concat(chunks));
}
