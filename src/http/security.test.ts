import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Signed, signIn } from "../../test/app.ts";
import { createTestDatabase, type TestDatabase } from "../../test/database.ts";
import {
  adoptActionPlanVersionForTest,
  createActionPlanVersion,
  createFocusArea,
  createIndicator,
  createMeasure,
  createMunicipality,
  createOrganisation,
  createPlan,
  createStatusReportingSetup,
  createUser,
  testPassword,
} from "../../test/factories.ts";
import { activeContent, hostile, textOf } from "../../test/hostile.ts";
import { webDir } from "../cli/web-build.ts";
import { loadConfig } from "../config.ts";
import { actionPlanVersions, auditEvents, cycles, plans, sessions } from "../db/schema/index.ts";
import { hashToken, newToken } from "../services/accounts/sessions.ts";
import { buildApp } from "./app.ts";

/**
 * The security proofs that are not one feature's: session fixation, CSRF, headers on every kind of
 * answer, and stored cross-site scripting through every page and document that shows user text.
 */
let app: FastifyInstance;
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({
    config: loadConfig({ NODE_ENV: "test" }),
    db: database.db,
    logger: pino({ level: "silent" }),
    webDir,
  });
  // An error nobody expected, to see what a 500 looks like.
  app.get("/api/test/unexpected-error", { schema: { hide: true } }, async () => {
    throw new Error("secret internal detail");
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
  response.cookies.find((c) => c.name === "planverk_session")?.value;
const whoIs = async (token: string) =>
  (await app.inject({ url: "/api/session", headers: { cookie: `planverk_session=${token}` } })).json();

describe("session fixation", () => {
  it("never adopts a cookie the client brings: made up, well-formed, or from a session that has ended", async () => {
    const user = await createUser(database.db);
    const earlier = await signIn(app, user.email, testPassword);
    const earlierToken = earlier.cookie.split("=")[1] ?? "";
    await app.inject({ method: "DELETE", url: "/api/session", headers: earlier.headers });

    for (const planted of ["angriperens-token", newToken(), earlierToken]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/session",
        headers: { cookie: `planverk_session=${planted}` },
        payload: { email: user.email, password: testPassword },
      });
      expect(response.statusCode, response.body).toBe(200);
      const issued = cookieOf(response);
      expect(issued).toBeTruthy();
      expect(issued).not.toBe(planted);
      // The planted token opens nothing, and no session row was made for it.
      expect((await whoIs(planted)).user).toBeNull();
      expect(
        await database.db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, hashToken(planted))),
      ).toEqual([]);
      expect((await whoIs(issued ?? "")).user.id).toBe(user.id);
    }
  });

  it("issues a new token on every sign-in and ends the session the client signed in from", async () => {
    const first = await createUser(database.db);
    const second = await createUser(database.db);
    const before = await signIn(app, first.email, testPassword);
    const beforeToken = before.cookie.split("=")[1] ?? "";
    // Signing in again (as someone else, on a shared computer) from a live session.
    const again = await app.inject({
      method: "POST",
      url: "/api/session",
      headers: before.headers,
      payload: { email: second.email, password: testPassword },
    });
    expect(again.statusCode, again.body).toBe(200);
    const afterToken = cookieOf(again) ?? "";
    expect(afterToken).not.toBe(beforeToken);
    expect(again.json().csrfToken).not.toBe(before.csrfToken);
    expect((await whoIs(afterToken)).user.id).toBe(second.id);
    expect((await whoIs(beforeToken)).user).toBeNull();
  });

  it("ends a session for good on sign-out and ends the other sessions on a password change", async () => {
    const user = await createUser(database.db);
    const a = await signIn(app, user.email, testPassword);
    const b = await signIn(app, user.email, testPassword);
    const c = await signIn(app, user.email, testPassword);
    const token = (s: Signed) => s.cookie.split("=")[1] ?? "";
    expect(new Set([token(a), token(b), token(c)]).size).toBe(3);
    await app.inject({ method: "DELETE", url: "/api/session", headers: a.headers });
    expect((await whoIs(token(a))).user).toBeNull();
    const changed = await app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: b.headers,
      payload: { currentPassword: testPassword, newPassword: "et-nytt-og-langt-passord" },
    });
    expect(changed.statusCode).toBe(204);
    expect((await whoIs(token(b))).user.id).toBe(user.id);
    expect((await whoIs(token(c))).user).toBeNull();
  });
});

describe("session lifetime", () => {
  it("an expired session opens nothing, and its CSRF token with it", async () => {
    const user = await createUser(database.db);
    const signed = await signIn(app, user.email, testPassword);
    const token = signed.cookie.split("=")[1] ?? "";
    const [row] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)));
    // 12 hours from sign-in, never longer.
    const hours = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, hashToken(token)));
    expect((await whoIs(token)).user).toBeNull();
    const write = await app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: signed.headers,
      payload: { currentPassword: testPassword, newPassword: "et-nytt-og-langt-passord" },
    });
    expect(write.statusCode).toBe(401);
  });
});

describe("CSRF", () => {
  it("binds the token to its session: no token, another session's token, or a cross-site write is refused and changes nothing", async () => {
    const { db } = database;
    const municipality = await createMunicipality(db);
    const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
    const other = await createUser(db, { municipalityId: municipality.id, role: "planner" });
    const mine = await signIn(app, planner.email, testPassword);
    const theirs = await signIn(app, other.email, testPassword);
    const url = `/api/municipalities/${municipality.number}/plans`;
    const payload = { title: "Planen", startYear: 2027, endYear: 2030, firstBudgetYear: 2027 };
    const auditBefore = (await db.select().from(auditEvents)).length;
    const attempts = {
      none: { cookie: mine.cookie },
      wrong: { cookie: mine.cookie, "x-csrf-token": "x".repeat(mine.csrfToken.length) },
      another: { cookie: mine.cookie, "x-csrf-token": theirs.csrfToken },
      crossSite: { ...mine.headers, "sec-fetch-site": "cross-site" },
    };
    for (const [name, headers] of Object.entries(attempts)) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
        const response = await app.inject({ method, url, headers, payload });
        expect(response.statusCode, `${name} ${method}`).toBe(403);
        expect(response.json().error.message).toMatch(/CSRF|andre nettsteder/);
      }
    }
    expect(await db.select().from(plans).where(eq(plans.municipalityId, municipality.id))).toEqual([]);
    expect((await db.select().from(auditEvents)).length).toBe(auditBefore);
    // The same request with the session's own token, from the same site, goes through.
    const ok = await app.inject({
      method: "POST",
      url,
      headers: { ...mine.headers, "sec-fetch-site": "same-origin" },
      payload,
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("gives the CSRF token only to the session's own cookie, never to a page of another site", async () => {
    const user = await createUser(database.db);
    const signed = await signIn(app, user.email, testPassword);
    const read = await app.inject({ url: "/api/session", headers: { cookie: signed.cookie } });
    expect(read.json().csrfToken).toBe(signed.csrfToken);
    expect((await app.inject({ url: "/api/session" })).json().csrfToken).toBeNull();
    // No CORS: a page of another origin cannot read the answer.
    const cors = await app.inject({
      url: "/api/session",
      headers: { cookie: signed.cookie, origin: "https://angriper.example" },
    });
    expect(cors.headers["access-control-allow-origin"]).toBeUndefined();
    expect(cors.headers["access-control-allow-credentials"]).toBeUndefined();
  });
});

describe("sign-in rate limiting per client address", () => {
  it("slows down one address trying many accounts, while another address still signs in", async () => {
    const user = await createUser(database.db);
    const attacker = "203.0.113.7";
    const tries: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await app.inject({
        method: "POST",
        url: "/api/session",
        remoteAddress: attacker,
        payload: { email: `finnes-ikke-${i}@example.org`, password: "gjetning-nummer-en" },
      });
      tries.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
        break;
      }
    }
    // 20 free failures per address, then a wait (the per-address limit, not the per-e-mail one).
    expect(tries.filter((s) => s === 401).length).toBe(21);
    expect(tries.at(-1)).toBe(429);
    const right = await app.inject({
      method: "POST",
      url: "/api/session",
      remoteAddress: attacker,
      payload: { email: user.email, password: testPassword },
    });
    expect(right.statusCode).toBe(429);
    const elsewhere = await app.inject({
      method: "POST",
      url: "/api/session",
      remoteAddress: "198.51.100.9",
      payload: { email: user.email, password: testPassword },
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});

/** Builds a plan through the API with hostile text everywhere a person can type, and adopts it. */
async function hostilePlan() {
  const { db } = database;
  const municipality = await createMunicipality(db);
  const planner = await createUser(db, { municipalityId: municipality.id, role: "planner" });
  const session = await signIn(app, planner.email, testPassword);
  const base = `/api/municipalities/${municipality.number}`;
  const post = async (url: string, payload: object) => {
    const response = await app.inject({
      method: "POST",
      url: `${base}${url}`,
      headers: session.headers,
      payload,
    });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
    return response.json();
  };
  const plan = await post("/plans", {
    title: hostile.title,
    startYear: 2027,
    endYear: 2030,
    firstBudgetYear: 2027,
  });
  const goal = await post(`/plans/${plan.id}/goals`, { title: hostile.title, description: hostile.plain });
  const focusArea = await post(`/plans/${plan.id}/focus-areas`, {
    title: hostile.title,
    description: hostile.plain,
    goalIds: [goal.id],
  });
  const organisation = await post("/organisations", { name: hostile.name, kind: "business" });
  const measure = (title: string, description: string = hostile.description) => ({
    title,
    description,
    focusAreaId: focusArea.id,
    goalIds: [goal.id],
    responsibleUnit: hostile.name,
    contactPerson: hostile.name,
    partners: [{ organisationId: organisation.id, role: "lead" }],
    startYear: 2027,
    endYear: 2028,
    tags: ["<b>merke</b>"],
    links: [{ title: hostile.name, url: "https://example.org/?a=<script>" }],
  });
  const main = await post(`/plans/${plan.id}/measures`, measure(hostile.title));
  const formula = await post(`/plans/${plan.id}/measures`, measure(hostile.formula, hostile.plain));
  const others = [];
  for (const f of hostile.formulas) others.push(await post(`/plans/${plan.id}/measures`, measure(f, f)));
  const [row] = await db
    .select({ version: actionPlanVersions })
    .from(actionPlanVersions)
    .innerJoin(cycles, eq(cycles.id, actionPlanVersions.cycleId))
    .where(and(eq(cycles.planId, plan.id), eq(cycles.budgetYear, 2027)));
  const version = row?.version;
  if (!version) throw new Error("no action plan version");
  await adoptActionPlanVersionForTest(db, version);
  await db.update(plans).set({ published: true }).where(eq(plans.id, plan.id));
  return {
    municipality,
    session,
    base,
    plan,
    focusArea,
    references: { main: main.reference, formula: formula.reference, others: others.map((o) => o.reference) },
  };
}

describe("stored cross-site scripting", () => {
  let s: Awaited<ReturnType<typeof hostilePlan>>;
  beforeAll(async () => {
    s = await hostilePlan();
  });

  it("the public pages show hostile titles and descriptions as text, with nothing that could run", async () => {
    const nr = s.municipality.number;
    const pages = [
      `/kommune/${nr}`,
      `/kommune/${nr}/plan/${s.plan.id}/2027`,
      `/kommune/${nr}/plan/${s.plan.id}/2027/satsingsomrade/${s.focusArea.id}`,
      `/kommune/${nr}/tiltak/${s.references.main}`,
      `/kommune/${nr}/sok?q=${encodeURIComponent("<script>")}`,
      `/kommune/${nr}/sok?q=${encodeURIComponent('"><svg onload=window.__xss=1>')}`,
    ];
    for (const url of pages) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(activeContent(response.body), url).toEqual([]);
      expect(response.body, url).not.toMatch(/<(script|svg|img|iframe)[\s>]/i);
    }
    const measure = textOf((await app.inject({ url: pages[3] ?? "" })).body);
    expect(measure).toContain(hostile.title);
    expect(measure).toContain(hostile.name);
    expect(measure).toContain("Beskrivelse med vekt.");
    expect(measure).toContain("Klikk");
    const plan = textOf((await app.inject({ url: pages[1] ?? "" })).body);
    expect(plan).toContain(hostile.title);
    expect(plan).toContain(hostile.plain);
    const area = textOf((await app.inject({ url: pages[2] ?? "" })).body);
    expect(area).toContain(hostile.formula);
  });

  it("the signed-in app's server-rendered pages carry the text only as text and as non-executed JSON", async () => {
    const pages = ["/", "/tiltak", `/tiltak/${s.references.main}`, "/partnere", "/plan/struktur"];
    for (const url of pages) {
      const response = await app.inject({ url, headers: { cookie: s.session.cookie } });
      expect(response.statusCode, url).toBe(200);
      expect(activeContent(response.body), url).toEqual([]);
      // The page state is JSON in a script tag that cannot be closed from inside.
      const state = /<script type="application\/json" id="planverk-state">([\s\S]*?)<\/script>/.exec(
        response.body,
      )?.[1];
      expect(state, url).toBeDefined();
      expect(state).not.toMatch(/<\/?script/i);
    }
    // The hostile title is in the state, with every "<" escaped.
    const page = await app.inject({ url: "/", headers: { cookie: s.session.cookie } });
    expect(page.body).toContain(JSON.stringify(hostile.title).replace(/</g, "\\u003c"));
  });

  it("open data carries the text literally: JSON as is, CSV with formulas defused", async () => {
    const nr = s.municipality.number;
    const json = await app.inject({ url: `/api/open/v1/kommune/${nr}/tiltak/${s.references.main}` });
    expect(json.statusCode).toBe(200);
    expect(json.headers["content-type"]).toContain("application/json");
    expect(json.json().title).toBe(hostile.title);
    const csv = await app.inject({ url: `/api/open/v1/kommune/${nr}/plan/${s.plan.id}/2027/tiltak.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toMatch(/^attachment;/);
    const cells = csvCells(csv.body);
    expect(cells).toContain(hostile.title);
    expect(cells).toContain(`'${hostile.formula}`);
    for (const f of hostile.formulas) expect(cells).toContain(`'${f}`);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("Word, PDF and Excel carry the text literally, and no Excel cell becomes a formula", async () => {
    const url = (format: string) =>
      `${s.base}/plans/${s.plan.id}/action-plans/2027/0/handlingsplan.${format}`;
    const get = (format: string) => app.inject({ url: url(format), headers: { cookie: s.session.cookie } });

    const docx = await get("docx");
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? "")
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    expect(docxText).toContain(hostile.title);
    expect(docxText).toContain(hostile.formula);
    expect(docxText).not.toContain("window.__xss=6");
    // The only fields are Word's own (table of contents, page numbers), none made of user text.
    const fields = [
      ...[...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1] ?? ""),
      ...[...xml.matchAll(/w:instr="([^"]*)"/g)].map((m) => m[1] ?? ""),
    ];
    for (const field of fields) expect(field.trim()).toMatch(/^(TOC|PAGE|PAGEREF _Toc\d+|NUMPAGES)\b/);
    const rels = (await zip.file("word/_rels/document.xml.rels")?.async("string")) ?? "";
    expect(rels).not.toMatch(/javascript:/i);

    const pdf = await get("pdf");
    expect(pdf.statusCode).toBe(200);
    const pdfText = await textOfPdf(pdf.rawPayload);
    expect(pdfText).toContain(squash(hostile.title));
    expect(pdfText).toContain(squash(hostile.formula));

    const xlsx = await get("xlsx");
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const values: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          // The sheet's own sums are formulas; nothing a person typed ever is.
          if (cell.type === ExcelJS.ValueType.Formula)
            expect(cell.formula, `${sheet.name}!${cell.address}`).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
          if (typeof cell.value === "string") values.push(cell.value);
        }),
      ),
    );
    expect(values).toContain(hostile.title);
    expect(values).toContain(hostile.formula);
    for (const f of hostile.formulas) expect(values).toContain(f);
    const sheets = await JSZip.loadAsync(xlsx.rawPayload);
    for (const name of Object.keys(sheets.files).filter((n) => n.startsWith("xl/worksheets/sheet")))
      for (const f of ((await sheets.file(name)?.async("string")) ?? "").matchAll(/<f>([^<]*)<\/f>/g))
        expect(f[1], name).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
  });
});

describe("stored cross-site scripting in status reports", () => {
  it("the owner's narrative stays text in the status pages and the compiled Word, PDF and Excel reports", async () => {
    const { db } = database;
    const s = await createStatusReportingSetup(db);
    const base = `/api/municipalities/${s.municipality.number}`;
    const planner = await signIn(app, s.users.planner.email, testPassword);
    const owner = await signIn(app, s.users.ownerA.email, testPassword);
    const send = (who: Signed, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) =>
      app.inject({ method, url: `${base}${url}`, headers: who.headers, ...(payload ? { payload } : {}) });
    const cycleId = s.cycle.id;
    expect((await send(planner, "POST", `/cycles/${cycleId}/reporting-periods`)).statusCode).toBe(201);
    const period = (await send(planner, "GET", `/cycles/${cycleId}/reporting-periods`)).json().periods[0];
    await send(planner, "PATCH", `/reporting-periods/${period.id}`, { version: 1, state: "open" });
    const report = `/reporting-periods/${period.id}/measures/T-001/report`;
    const saved = await send(owner, "PUT", report, {
      trafficLight: "deviation",
      measureStatus: "in_progress",
      progress: 30,
      achieved: hostile.plain,
      nextSteps: hostile.formula,
      risks: hostile.title,
      explanation: hostile.name,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const approved = await send(planner, "POST", `${report}/review`, { version: 1, decision: "approve" });
    expect(approved.statusCode, approved.body).toBe(200);

    const texts = [hostile.plain, hostile.formula, hostile.title];
    // The public measure page shows the approved status.
    const publicPage = await app.inject({ url: `/kommune/${s.municipality.number}/tiltak/T-001` });
    expect(publicPage.statusCode).toBe(200);
    expect(activeContent(publicPage.body)).toEqual([]);
    expect(publicPage.body).not.toMatch(/<(script|svg|img|iframe)[\s>]/i);
    expect(textOf(publicPage.body)).toContain(hostile.plain);

    const compiled = (format: string) =>
      app.inject({
        url: `${base}/reporting-periods/${period.id}/compiled.${format}`,
        headers: planner.headers,
      });
    const docx = await compiled("docx");
    expect(docx.statusCode).toBe(200);
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")?.async("string")) ?? "";
    const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? "")
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    for (const text of texts) expect(docxText).toContain(text);
    const pdf = await compiled("pdf");
    expect(pdf.statusCode).toBe(200);
    const pdfText = await textOfPdf(pdf.rawPayload);
    for (const text of texts) expect(pdfText).toContain(squash(text));
    const xlsx = await compiled("xlsx");
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const values: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula)
            expect(cell.formula, `${sheet.name}!${cell.address}`).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
          if (typeof cell.value === "string") values.push(cell.value);
        }),
      ),
    );
    for (const text of texts) expect(values.join("\n")).toContain(text);
  });
});

describe("security headers on every kind of answer", () => {
  let s: Awaited<ReturnType<typeof hostilePlan>>;
  beforeAll(async () => {
    s = await hostilePlan();
  });

  function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
    const csp = String(headers["content-security-policy"] ?? "");
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives["default-src"], what).toEqual(["'self'"]);
    expect(directives["script-src"], what).toEqual(["'self'"]);
    expect(directives["object-src"], what).toEqual(["'none'"]);
    expect(directives["frame-ancestors"], what).toEqual(["'none'"]);
    expect(directives["base-uri"], what).toEqual(["'self'"]);
    expect(directives["form-action"], what).toEqual(["'self'"]);
    expect(csp, what).not.toContain("unsafe-eval");
    expect(directives["script-src"], what).not.toContain("'unsafe-inline'");
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["x-frame-options"], what).toBe("SAMEORIGIN");
    expect(headers["strict-transport-security"], what).toMatch(/max-age=31536000; includeSubDomains/);
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
    expect(headers["x-powered-by"], what).toBeUndefined();
    expect(headers.server, what).toBeUndefined();
  }

  it("SPA HTML, public pages, API JSON, open data, documents, assets and errors", async () => {
    const nr = s.municipality.number;
    const signed = { cookie: s.session.cookie };
    const cases: {
      what: string;
      method?: "GET" | "POST";
      url: string;
      payload?: object;
      headers?: Record<string, string>;
      status: number;
      type: RegExp;
    }[] = [
      { what: "SPA page", url: "/tiltak", headers: signed, status: 200, type: /text\/html/ },
      { what: "SPA page, anonymous", url: "/logg-inn", status: 200, type: /text\/html/ },
      { what: "public page", url: `/kommune/${nr}/plan/${s.plan.id}/2027`, status: 200, type: /text\/html/ },
      { what: "public 404", url: `/kommune/${nr}/tiltak/T-999`, status: 404, type: /text\/html/ },
      {
        what: "API JSON",
        url: `${s.base}/plans/${s.plan.id}/measures`,
        headers: signed,
        status: 200,
        type: /application\/json/,
      },
      {
        what: "API 401",
        method: "POST",
        url: "/api/session",
        payload: { email: "ingen@example.org", password: "feil-passord" },
        status: 401,
        type: /application\/json/,
      },
      { what: "API 403", url: `${s.base}/audit`, headers: signed, status: 403, type: /application\/json/ },
      { what: "API 404", url: "/api/finnes-ikke", status: 404, type: /application\/json/ },
      { what: "API 500", url: "/api/test/unexpected-error", status: 500, type: /application\/json/ },
      {
        what: "open data JSON",
        url: `/api/open/v1/kommune/${nr}/planer`,
        status: 200,
        type: /application\/json/,
      },
      {
        what: "open data CSV",
        url: `/api/open/v1/kommune/${nr}/plan/${s.plan.id}/2027/tiltak.csv`,
        status: 200,
        type: /text\/csv/,
      },
      { what: "OpenAPI", url: "/api/openapi.json", status: 200, type: /application\/json/ },
      { what: "health", url: "/healthz", status: 200, type: /application\/json/ },
    ];
    for (const doc of ["docx", "pdf", "xlsx"])
      cases.push({
        what: `document ${doc}`,
        url: `${s.base}/plans/${s.plan.id}/action-plans/2027/0/handlingsplan.${doc}`,
        headers: signed,
        status: 200,
        type: /application\/(pdf|vnd\.openxmlformats)/,
      });
    for (const c of cases) {
      const response = await app.inject({
        method: c.method ?? "GET",
        url: c.url,
        headers: c.headers ?? {},
        ...(c.payload ? { payload: c.payload } : {}),
      });
      expect(response.statusCode, `${c.what}: ${response.body.slice(0, 200)}`).toBe(c.status);
      expect(response.headers["content-type"], c.what).toMatch(c.type);
      expectSecurityHeaders(response.headers, c.what);
      if (c.what.startsWith("document") || c.what === "open data CSV")
        expect(response.headers["content-disposition"], c.what).toMatch(/^attachment; filename="[^"/\\]+"$/);
      if (c.what.startsWith("document")) expect(response.headers["cache-control"]).toBe("private, no-store");
      // Nothing personal is kept by browsers or proxies; public answers say they are public.
      const cache = String(response.headers["cache-control"] ?? "");
      if (c.what.startsWith("public") || c.what.startsWith("open data"))
        expect(cache, c.what).toMatch(/public|no-cache/);
      else expect(cache, c.what).toMatch(/no-store/);
      if (c.status === 500) {
        expect(response.json()).toEqual({
          error: {
            code: "internal",
            message: "Noe gikk galt hos oss. Prøv igjen senere.",
            messageKey: "common.internal",
          },
        });
        expect(response.body).not.toContain("secret internal detail");
      }
    }
    // A hashed asset of the web app (its name from the page).
    const page = await app.inject({ url: "/logg-inn" });
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    const script = await app.inject({ url: asset ?? "" });
    expect(script.statusCode).toBe(200);
    expectSecurityHeaders(script.headers, "asset");
  });
});

describe("access across municipalities", () => {
  it("a planner of A reaching for B's objects through every route under B's address: nothing of B, nothing changed", async () => {
    const { db } = database;
    const a = await createMunicipality(db);
    const b = await createMunicipality(db);
    const secret = "HEMMELIG-B";
    const plan = await createPlan(db, { municipalityId: b.id, title: `${secret} plan`, vision: secret });
    const focusArea = await createFocusArea(db, { plan, title: `${secret} område` });
    const version = await createActionPlanVersion(db, { plan, budgetYear: 2027 });
    const { measure } = await createMeasure(db, {
      actionPlanVersion: version,
      focusAreaId: focusArea.id,
      title: `${secret} tiltak`,
      reference: "T-001",
    });
    const organisation = await createOrganisation(db, { municipalityId: b.id, name: `${secret} AS` });
    const indicator = await createIndicator(db, { municipalityId: b.id, name: `${secret} indikator` });
    await createUser(db, {
      municipalityId: b.id,
      role: "admin",
      email: `hemmelig-b-${b.number}@example.org`,
    });
    const planner = await createUser(db, { municipalityId: a.id, role: "planner" });
    const session = await signIn(app, planner.email, testPassword);

    const values: Record<string, string> = {
      municipalityNumber: b.number,
      planId: plan.id,
      cycleId: version.cycleId,
      reference: "T-001",
      measureId: measure.id,
      organisationId: organisation.id,
      indicatorId: indicator.id,
      focusAreaId: focusArea.id,
      budgetYear: "2027",
      revision: "0",
      format: "xlsx",
      number: "1",
    };
    const doc = (await app.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/municipalities/{municipalityNumber}"))
      .flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThan(50);
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          [
            "plans",
            "measures",
            "measure_versions",
            "partner_organisations",
            "indicators",
            "audit_events",
          ].map(async (table) => (await database.pool.query(`select count(*) from ${table}`)).rows[0]),
        ),
      );
    const before = await snapshot();
    for (const route of routes) {
      const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? plan.id);
      const response = await app.inject({
        method: route.method as "GET",
        url,
        headers: session.headers,
        ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: { version: 1 } }),
      });
      const what = `${route.method} ${route.path} → ${response.statusCode}`;
      expect(response.body, what).not.toContain(secret);
      expect(response.body, what).not.toContain(`hemmelig-b-${b.number}`);
      expect(response.statusCode, what).toBeLessThan(500);
      if (route.method === "GET") {
        // In B, A's planner is no one: they get exactly what an anonymous visitor gets.
        const anonymous = await app.inject({ url });
        expect(response.statusCode, what).toBe(anonymous.statusCode === 401 ? 404 : anonymous.statusCode);
        if (response.statusCode < 400) expect(response.body, what).toBe(anonymous.body);
      } else expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
    }
    expect(await snapshot()).toBe(before);
  });
});

/** The cells of a semicolon-separated CSV with quoted fields. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ";" || ch === "\n") {
      cells.push(cell.replace(/\r$/, ""));
      cell = "";
    } else cell += ch;
  }
  if (cell) cells.push(cell);
  return cells;
}

const squash = (text: string) => text.replace(/\s+/g, "");

/** All the text of a PDF, without white space (pdf.js splits words into items). */
async function textOfPdf(buffer: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  let text = "";
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  return squash(text);
}
