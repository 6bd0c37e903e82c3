import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { defaultFetchLimits, type FetchPolicy, fetchStatistics } from "./fetch-statistics.ts";
import { isPublicAddress } from "./network-address.ts";

/**
 * Server-side request forgery through «import by URL»: a listener on loopback counts every request
 * that reaches it, and no spelling of an internal address, no name resolving to one and no redirect
 * into one may reach it. Before the fix the server fetched all of these.
 */
let target: Server;
let targetPort = 0;
let hits = 0;
let redirector: Server;
let redirectorPort = 0;
let redirectTo = "";

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  target = createServer((_request, response) => {
    hits++;
    response.writeHead(200, { "content-type": "text/csv" }).end("hemmelig;intern\n1;2\n");
  });
  targetPort = await listen(target);
  redirector = createServer((request, response) => {
    if (request.url === "/loop") response.writeHead(302, { location: "/loop" }).end();
    else if (request.url === "/error")
      response.writeHead(500, "HEMMELIG-STATUS").end("HEMMELIG-INNHOLD fra en intern tjeneste");
    else response.writeHead(302, { location: redirectTo }).end();
  });
  redirectorPort = await listen(redirector);
});
afterAll(async () => {
  target?.close();
  redirector?.close();
});

const limits = (policy: Partial<FetchPolicy>) => ({
  ...defaultFetchLimits,
  timeoutMs: 3000,
  policy: { hosts: null, allowHttp: true, maxRedirects: 3, ...policy },
});
const refusal = async (url: string, policy: Partial<FetchPolicy> = {}) => {
  const error = await fetchStatistics(url, limits(policy)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, url).toBeInstanceOf(AppError);
  return (error as AppError).message;
};

describe("import by URL cannot reach the internal network", () => {
  it("refuses every spelling of loopback and this host, over http and https, without a request reaching it", async () => {
    const spellings = [
      "127.0.0.1",
      "127.1",
      "0x7f000001",
      "2130706433",
      "0177.0.0.1",
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "[::1]",
      "0.0.0.0",
      "localhost",
      "LOCALHOST.",
    ];
    for (const host of spellings)
      for (const scheme of ["http", "https"]) await refusal(`${scheme}://${host}:${targetPort}/`);
    // With the default policy (Statistics Norway's hosts, https only) too.
    await expect(fetchStatistics(`http://127.0.0.1:${targetPort}/`)).rejects.toThrow(AppError);
    await expect(fetchStatistics(`https://localhost:${targetPort}/`)).rejects.toThrow(AppError);
    expect(hits).toBe(0);
  });

  it("refuses a public-looking name that resolves to loopback, and redirects into the internal network", async () => {
    const toLoopback = async () => [{ address: "127.0.0.1", family: 4 }];
    await refusal(`http://statistikk.example:${targetPort}/`, { resolve: toLoopback });
    // A name with one public and one private address is refused as a whole.
    await refusal(`http://statistikk.example:${targetPort}/`, {
      resolve: async () => [
        { address: "151.101.1.1", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
    });
    // The redirector stands in for an allowed public host; every place it redirects to is checked again.
    const policy: Partial<FetchPolicy> = {
      hosts: ["statistikk.example"],
      resolve: toLoopback,
      permit: (_address, port) => port === redirectorPort,
    };
    for (const location of [
      `http://127.0.0.1:${targetPort}/`,
      `http://0x7f000001:${targetPort}/`,
      `http://[::ffff:127.0.0.1]:${targetPort}/`,
      `http://localhost:${targetPort}/`,
      `http://statistikk.example:${targetPort}/`,
    ]) {
      redirectTo = location;
      await refusal(`http://statistikk.example:${redirectorPort}/`, policy);
    }
    // Redirects are capped.
    expect(await refusal(`http://statistikk.example:${redirectorPort}/loop`, policy)).toMatch(/høyst 3/);
    expect(hits).toBe(0);
  });

  it("never repeats what a failed fetch answered, and gives one message for closed and unreachable ports", async () => {
    const policy: Partial<FetchPolicy> = { permit: () => true };
    const message = await refusal(`http://127.0.0.1:${redirectorPort}/error`, policy);
    expect(message).toBe("Tjenesten svarte med feil 500.");
    expect(message).not.toMatch(/HEMMELIG/);
    const closed = await refusal("http://127.0.0.1:1/", policy);
    const unknownHost = await refusal("http://statistikk.example/", {
      ...policy,
      resolve: async () => {
        throw new Error("getaddrinfo ENOTFOUND statistikk.example");
      },
    });
    expect(closed).toBe(unknownHost);
    expect(closed).not.toMatch(/ECONN|127\.0\.0\.1|:1\b/);
  });
});

describe("isPublicAddress", () => {
  it("knows private, loopback, link-local, unique-local, mapped, multicast and reserved addresses", () => {
    for (const address of [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::",
      "::1",
      "::ffff:10.0.0.1",
      "::ffff:8.8.8.8",
      "fd00::1",
      "fe80::1",
      "ff02::1",
      "64:ff9b::7f00:1",
      "2002:7f00:1::",
      "not an address",
    ])
      expect(isPublicAddress(address), address).toBe(false);
    for (const address of ["151.101.1.1", "8.8.8.8", "2a00:1450:4010:c0e::64"])
      expect(isPublicAddress(address), address).toBe(true);
  });
});
