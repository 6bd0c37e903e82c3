import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import { createMunicipality, createPlan, createPublishedPlan } from "../../../test/factories.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

/**
 * A small JSON-LD reader for what the catalogue uses (a prefix context, @id, @type, nested nodes,
 * value objects): every node with its properties under full IRIs, so the checks below name the
 * properties exactly as DCAT-AP-NO does and a wrong prefix fails.
 */
type Node = { id?: string; types: string[]; props: Map<string, unknown[]> };
function readJsonLd(doc: Record<string, unknown>): Node[] {
  const context = doc["@context"] as Record<string, string>;
  expect(typeof context).toBe("object");
  const expand = (term: string) => {
    const [prefix, local] = term.split(":");
    if (local !== undefined && prefix && context[prefix]) return `${context[prefix]}${local}`;
    if (/^https?:/.test(term)) return term;
    throw new Error(`Unknown term ${term}`);
  };
  const nodes: Node[] = [];
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== "object") return value;
    const object = value as Record<string, unknown>;
    if ("@value" in object) return object["@value"];
    const node: Node = {
      id: object["@id"] as string | undefined,
      types: [object["@type"] ?? []].flat().map((x) => expand(String(x))),
      props: new Map(),
    };
    for (const [key, v] of Object.entries(object)) {
      if (key.startsWith("@")) continue;
      node.props.set(expand(key), [visit(v)].flat());
    }
    nodes.push(node);
    return node;
  };
  visit(Object.fromEntries(Object.entries(doc).filter(([k]) => k !== "@context")));
  return nodes;
}

const dcat = "http://www.w3.org/ns/dcat#";
const dct = "http://purl.org/dc/terms/";
const foaf = "http://xmlns.com/foaf/0.1/";
const vcard = "http://www.w3.org/2006/vcard/ns#";

const values = (node: Node, property: string) => node.props.get(property) ?? [];
const isIri = (v: unknown) =>
  typeof v === "object" && v !== null && /^https?:\/\//.test((v as Node).id ?? "");

/** The mandatory properties of DCAT-AP-NO 3 (SHACL core shapes) and what their values must be. */
function expectAgent(node: Node) {
  expect(node.types).toContain(`${foaf}Agent`);
  expect(values(node, `${foaf}name`).length).toBeGreaterThan(0);
}
function expectContactPoint(node: Node) {
  expect(node.types).toContain(`${vcard}Organization`);
  expect(values(node, `${vcard}fn`).length).toBeGreaterThan(0);
  expect([...values(node, `${vcard}hasEmail`), ...values(node, `${vcard}hasURL`)].some(isIri)).toBe(true);
}
function expectTitledAndDescribed(node: Node) {
  expect(values(node, `${dct}title`).length).toBeGreaterThan(0);
  expect(values(node, `${dct}description`).length).toBeGreaterThan(0);
  const publishers = values(node, `${dct}publisher`);
  expect(publishers).toHaveLength(1);
  expect(isIri(publishers[0])).toBe(true);
  expectAgent(publishers[0] as Node);
  const contacts = values(node, `${dcat}contactPoint`);
  expect(contacts.length).toBeGreaterThan(0);
  for (const c of contacts) expectContactPoint(c as Node);
}

describe("the DCAT-AP-NO catalogue", () => {
  it("parses as JSON-LD with every mandatory property of catalogue, dataset and distribution", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    await createPlan(t.database.db, { municipalityId: municipality.id, title: "Upublisert plan" });

    const response = await get("/api/open/v1/katalog.jsonld");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/ld+json");
    const nodes = readJsonLd(JSON.parse(response.body));

    const catalogues = nodes.filter((n) => n.types.includes(`${dcat}Catalog`));
    expect(catalogues).toHaveLength(1);
    const catalogue = catalogues[0] as Node;
    expectTitledAndDescribed(catalogue);
    expect(values(catalogue, `${dct}modified`)[0]).toMatch(/^\d{4}-\d\d-\d\dT/);

    const datasets = values(catalogue, `${dcat}dataset`) as Node[];
    const ours = datasets.filter((d) => d.id?.includes(`/kommune/${municipality.number}/plan/${plan.id}`));
    expect(ours).toHaveLength(1);
    // The unpublished plan is not in the catalogue.
    expect(JSON.stringify(response.body)).not.toContain("Upublisert plan");
    for (const dataset of datasets) {
      expect(dataset.types).toContain(`${dcat}Dataset`);
      expectTitledAndDescribed(dataset);
      const themes = values(dataset, `${dcat}theme`);
      expect(themes.length).toBeGreaterThan(0);
      for (const theme of themes)
        expect((theme as Node).id).toMatch(
          /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\//,
        );
      expect(values(dataset, `${dct}modified`)[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
      const distributions = values(dataset, `${dcat}distribution`) as Node[];
      expect(distributions.length).toBeGreaterThan(0);
      for (const distribution of distributions) {
        expect(distribution.types).toContain(`${dcat}Distribution`);
        const access = values(distribution, `${dcat}accessURL`);
        expect(access.length).toBeGreaterThan(0);
        expect(access.every(isIri)).toBe(true);
        expect((values(distribution, `${dct}license`)[0] as Node).id).toBe(
          "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
        );
      }
    }

    const dataset = ours[0] as Node;
    expect(values(dataset, `${dct}title`)).toEqual([`${plan.title} – ${municipality.name} kommune`]);
    const publisher = values(dataset, `${dct}publisher`)[0] as Node;
    expect(values(publisher, `${foaf}name`)).toEqual([`${municipality.name} kommune`]);
    // The JSON and CSV distributions are the open data API's addresses, and they answer.
    const urls = (values(dataset, `${dcat}distribution`) as Node[]).map(
      (d) => (values(d, `${dcat}accessURL`)[0] as Node).id as string,
    );
    const json = urls.find((u) => u.endsWith(`/plan/${plan.id}/2026`));
    const csv = urls.find((u) => u.endsWith("/tiltak.csv"));
    expect(json).toBeDefined();
    expect(csv).toBeDefined();
    for (const url of [json, csv]) {
      const answer = await get(new URL(url as string).pathname);
      expect(answer.statusCode).toBe(200);
    }
  });
});

describe("sitemap.xml and robots.txt", () => {
  it("lists the public pages of published plans only, and robots.txt points to it", async () => {
    const municipality = await createMunicipality(t.database.db);
    const { plan } = await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    const hidden = await createPlan(t.database.db, { municipalityId: municipality.id, title: "Skjult" });

    const sitemap = await get("/sitemap.xml");
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers["content-type"]).toContain("application/xml");
    expect(sitemap.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns=/);
    const locations = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string));
    const paths = locations.map((u) => u.pathname);
    expect(paths).toContain(`/kommune/${municipality.number}`);
    expect(paths).toContain(`/kommune/${municipality.number}/plan/${plan.id}/2026`);
    expect(paths).toContain("/apne-data");
    expect(sitemap.body).not.toContain(hidden.id);
    expect(sitemap.body).not.toContain("/2027");
    // Every address in the sitemap answers.
    for (const path of paths.filter((p) => p.includes(municipality.number) || p === "/apne-data"))
      expect((await get(path)).statusCode).toBe(200);

    const robots = await get("/robots.txt");
    expect(robots.statusCode).toBe(200);
    expect(robots.headers["content-type"]).toContain("text/plain");
    expect(robots.body).toContain("User-agent: *");
    expect(robots.body).toContain("Allow: /kommune/");
    expect(robots.body).toContain("Allow: /api/open/");
    expect(robots.body).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  it("documents the open data API in Norwegian, linked from every public page's footer", async () => {
    const municipality = await createMunicipality(t.database.db);
    await createPublishedPlan(t.database.db, { municipalityId: municipality.id });
    const docs = await get("/apne-data");
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("Åpne data: API og datakatalog");
    expect(docs.body).toContain("/api/open/v1/katalog.jsonld");
    expect(docs.body).toContain("/api/open/v1/kommune/{kommunenummer}/planer");
    expect(docs.body).toContain("eksterne midler");
    const page = await get(`/kommune/${municipality.number}`);
    expect(page.body).toMatch(/<footer[^>]*>[\s\S]*<a href="\/apne-data">/);
  });
});
