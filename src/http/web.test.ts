import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn } from "../../test/app.ts";
import { systemContext } from "../../test/factories.ts";
import { webDir } from "../cli/web-build.ts";
import { demoPassword, loadDemoDataIfEmpty } from "../demo/load-demo-data.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ web: true });
  await loadDemoDataIfEmpty({ ctx: systemContext(t.database.db) });
});
afterAll(() => t.close());

describe("server-rendered pages", () => {
  it("sends the plan tree as HTML that reads without any script", async () => {
    const response = await t.app.inject({ url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    const html = response.body;
    expect(html).toContain('<html lang="nb"');
    expect(html).toContain("Strategisk næringsplan for Drammen 2023–2027");
    expect(html).toContain("Drammen skal være et næringssentrum");
    expect(html).toContain("Havnebyen Drammen");
    expect(html).toContain("T-001");
    expect(html).toMatch(/1\u00a0800\u00a0000\u00a0kr/);
    expect(html).toContain('id="planverk-state"');
    // The page's own chunk and the language's catalogue load beside the entry script.
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/PlanTreePage-[^"]+\.js">/);
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/nb-[^"]+\.js">/);
  });

  it("renders in the language remembered in the cookie", async () => {
    const response = await t.app.inject({ url: "/", headers: { cookie: "planverk_lang=en" } });
    expect(response.body).toContain('<html lang="en"');
    expect(response.body).toContain("From societal goals to measures");
    const nynorsk = await t.app.inject({ url: "/", headers: { cookie: "planverk_lang=nn" } });
    expect(nynorsk.body).toContain("Frå samfunnsmål til tiltak");
    const unknown = await t.app.inject({ url: "/", headers: { cookie: "planverk_lang=xx" } });
    expect(unknown.body).toContain('<html lang="nb"');
  });

  it("renders the measures table and answers unknown pages with 404", async () => {
    const measures = await t.app.inject({ url: "/tiltak" });
    expect(measures.statusCode).toBe(200);
    expect(measures.body).toContain("Tiltak i handlingsplan 2026");
    const missing = await t.app.inject({ url: "/finnes-ikke" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("Fant ikke siden");
  });

  it("renders the action plan named by ?aar=, with the switcher as plain links", async () => {
    // Anonymous visitors: the adopted plan, by default and by address; the draft does not exist for them.
    const byDefault = (await t.app.inject({ url: "/" })).body;
    expect(byDefault).toContain("I gjennomføring: Handlingsplan 2026");
    const byAddress = (await t.app.inject({ url: "/?aar=2026" })).body;
    expect(byAddress).toContain("I gjennomføring: Handlingsplan 2026");
    expect(byAddress).not.toContain("Handlingsplan 2027");

    // A planner sees both; the page rendered for /?aar=2027 is the 2027 draft, the same the browser asks for.
    const session = await signIn(t.app, "planlegger@demo.planverk.no", demoPassword);
    const draft = (await t.app.inject({ url: "/?aar=2027", headers: { cookie: session.cookie } })).body;
    expect(draft).toMatch(/Viser: <strong[^>]*>Under arbeid: Handlingsplan 2027 \(utkast, fase [^)]+\)/);
    expect(draft).toMatch(
      /<a[^>]*href="\/\?aar=2027"[^>]*aria-current="page"|<a[^>]*aria-current="page"[^>]*href="\/\?aar=2027"/,
    );
    expect(draft).toMatch(/<a[^>]*href="\/\?aar=2026"/);
    const state = /id="planverk-state">([\s\S]*?)<\/script>/.exec(draft)?.[1] ?? "";
    expect(state).toContain("/api/municipalities/3301/plan-tree?year=2027");
    const planned = (await t.app.inject({ url: "/", headers: { cookie: session.cookie } })).body;
    expect(planned).toMatch(/Viser: <strong[^>]*>I gjennomføring: Handlingsplan 2026/);
  });

  it("does not let page data close its script tag", async () => {
    const html = (await t.app.inject({ url: "/" })).body;
    const state =
      /<script type="application\/json" id="planverk-state">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(state).not.toContain("<");
    expect(() => JSON.parse(state)).not.toThrow();
  });

  it("serves hashed assets with a long cache lifetime", async () => {
    const asset = readdirSync(path.join(webDir, "assets")).find((f) => f.endsWith(".js"));
    const response = await t.app.inject({ url: `/assets/${asset}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("serves the precompressed copy the browser accepts, and the page itself uncached", async () => {
    const files = readdirSync(path.join(webDir, "assets"));
    const asset = files.find((f) => f.endsWith(".js") && files.includes(`${f}.br`));
    const brotli = await t.app.inject({
      url: `/assets/${asset}`,
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const gzip = await t.app.inject({ url: `/assets/${asset}`, headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const page = await t.app.inject({ url: "/" });
    expect(page.headers["cache-control"]).toBe("private, no-store");
  });
});

describe("the permanent page of an adopted action plan", () => {
  it("arrives as HTML with its measures and decision", async () => {
    const tree = (await t.app.inject({ url: "/api/municipalities/3301/plan-tree" })).json();
    const response = await t.app.inject({ url: `/plan/${tree.plan.id}/handlingsplan/2026/0` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Handlingsplan 2026");
    expect(response.body).toContain("Bystyret");
    expect(response.body).toContain("T-001");
  });
});
