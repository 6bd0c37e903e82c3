import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheableBody, MicroCache } from "./cacheable.ts";

describe("the micro-cache of public answers", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());
  const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

  it("renders once within its time, then serves the old answer while one renewal runs, and nothing past twice its time", async () => {
    let renders = 0;
    const cache = new MicroCache(50);
    const produce = async () => cacheableBody(`svar ${++renders}`, "text/plain");
    const [a, b] = await Promise.all([cache.get("k", produce), cache.get("k", produce)]);
    expect(a.body.toString()).toBe("svar 1");
    expect(b).toBe(a);
    expect(renders).toBe(1);
    later(60);
    // Stale: answered at once with the old bytes; one renewal runs.
    const [c, d] = await Promise.all([cache.get("k", produce), cache.get("k", produce)]);
    expect(c.body.toString()).toBe("svar 1");
    expect(d.body.toString()).toBe("svar 1");
    expect(renders).toBe(2);
    await Promise.resolve();
    expect((await cache.get("k", produce)).body.toString()).toBe("svar 2");
    // Past twice the time nothing old is served.
    later(101);
    expect((await cache.get("k", produce)).body.toString()).toBe("svar 3");
  });

  it("keeps no failures, and keeps nothing with a time of 0", async () => {
    const cache = new MicroCache(10_000);
    await expect(cache.get("k", async () => Promise.reject(new Error("borte")))).rejects.toThrow("borte");
    await Promise.resolve();
    expect((await cache.get("k", async () => cacheableBody("ok", "text/plain"))).body.toString()).toBe("ok");
    let renders = 0;
    const none = new MicroCache(0);
    await none.get("k", async () => cacheableBody(String(++renders), "text/plain"));
    await none.get("k", async () => cacheableBody(String(++renders), "text/plain"));
    expect(renders).toBe(2);
  });
});
