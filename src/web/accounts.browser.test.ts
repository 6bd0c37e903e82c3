import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  browserAvailable,
  signInWithForm,
  startAppInBrowser,
} from "../../test/browser.ts";
import { demoPassword } from "../demo/load-demo-data.ts";

type Expectation = {
  email: string;
  edit: boolean;
  admin: boolean;
  audit: boolean;
  history: boolean;
  system: boolean;
  draft: boolean;
};

// What each demo role may do, as the permission table (src/domain/permissions.ts) says.
const roles = {
  admin: {
    email: "admin@demo.planverk.no",
    edit: false,
    admin: true,
    audit: true,
    history: true,
    system: false,
    draft: true,
  },
  planner: {
    email: "planlegger@demo.planverk.no",
    edit: true,
    admin: true,
    audit: false,
    history: true,
    system: false,
    draft: true,
  },
  measure_owner: {
    email: "tiltakseier@demo.planverk.no",
    edit: false,
    admin: false,
    audit: false,
    history: true,
    system: false,
    draft: true,
  },
  partner: {
    email: "partner@demo.planverk.no",
    edit: false,
    admin: false,
    audit: false,
    history: false,
    system: false,
    draft: false,
  },
  viewer: {
    email: "leser@demo.planverk.no",
    edit: false,
    admin: false,
    audit: false,
    history: true,
    system: false,
    draft: true,
  },
  installation_admin: {
    email: "drift@demo.planverk.no",
    edit: false,
    admin: false,
    audit: false,
    history: false,
    system: true,
    draft: false,
  },
} satisfies Record<string, Expectation>;

describe.skipIf(!browserAvailable)("accounts and roles in Chromium", () => {
  let env: Awaited<ReturnType<typeof startAppInBrowser>>;
  beforeAll(async () => {
    env = await startAppInBrowser();
  });
  afterAll(() => env?.close());

  const newPage = async () => (await env.browser.newContext()).newPage();
  const visible = async (locator: ReturnType<Page["getByRole"]>) => (await locator.count()) > 0;

  for (const [role, expected] of Object.entries(roles)) {
    it(`${role} sees exactly the actions the role may take, and signs out for good`, async () => {
      const page = await newPage();
      await signInWithForm(page, env.baseUrl, expected.email, demoPassword);
      await page.goto(env.baseUrl, { waitUntil: "networkidle" });
      const nav = page.getByRole("navigation");
      expect(await visible(page.getByRole("button", { name: "Rediger planen" }))).toBe(expected.edit);
      expect(await visible(nav.getByRole("link", { name: "Administrasjon" }))).toBe(expected.admin);
      expect(await visible(nav.getByRole("link", { name: "Kommuner" }))).toBe(expected.system);
      expect((await page.getByText("Historikk").count()) > 0).toBe(expected.history);
      expect((await page.getByText("Utkast").count()) > 0).toBe(expected.draft);
      expect(await accessibilityViolations(page)).toEqual([]);
      if (expected.admin) {
        await nav.getByRole("link", { name: "Administrasjon" }).click();
        await page.getByRole("heading", { name: "Brukere og roller" }).waitFor();
        expect(await visible(page.getByRole("heading", { name: "Revisjonsspor" }))).toBe(expected.audit);
        expect(await accessibilityViolations(page)).toEqual([]);
      }
      if (expected.system) {
        await nav.getByRole("link", { name: "Kommuner" }).click();
        await page.getByTestId("municipality-table").waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
      }

      const cookies = await page.context().cookies();
      await page.getByRole("button", { name: "Logg ut" }).click();
      await page.getByTestId("sign-in-link").waitFor();
      // The old session cookie opens nothing any more.
      const session = cookies.find((c) => c.name === "planverk_session");
      const reused = await fetch(`${env.baseUrl}/api/session`, {
        headers: { cookie: `planverk_session=${session?.value}` },
      });
      expect((await reused.json()).user).toBeNull();
      await page.context().close();
    });
  }

  it("lists one's sessions under «Mine økter», marks this one, and ends another", async () => {
    const other = await newPage();
    await signInWithForm(other, env.baseUrl, "leser@demo.planverk.no", demoPassword);
    const page = await newPage();
    await signInWithForm(page, env.baseUrl, "leser@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/konto`, { waitUntil: "networkidle" });
    const table = page.getByRole("table", { name: "Innloggede økter" });
    await table.waitFor();
    expect(await table.getByText("Denne økten").count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    const endButtons = table.getByRole("button", { name: /^Avslutt økten fra/ });
    const before = await endButtons.count();
    expect(before).toBeGreaterThan(0);
    await endButtons.first().click();
    await page.getByText("Økten er avsluttet.").waitFor();
    expect(await endButtons.count()).toBe(before - 1);
    await other.context().close();
    await page.context().close();
  });

  it("lets the admin set the accessibility statement the public footer links to, and checks the organisation number", async () => {
    const page = await newPage();
    await signInWithForm(page, env.baseUrl, "admin@demo.planverk.no", demoPassword);
    await page.goto(`${env.baseUrl}/admin`, { waitUntil: "networkidle" });
    const form = page.getByTestId("public-settings");
    await form.waitFor();
    await form.getByLabel("Organisasjonsnummer").fill("123");
    await form.getByRole("button", { name: "Lagre" }).click();
    await form.getByText("Organisasjonsnummeret må ha 9 sifre.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByLabel("Organisasjonsnummer").fill("");
    const address = "https://uustatus.no/nb/erklaringer/publisert/drammen-demo";
    await form.getByLabel("Adressen til tilgjengelighetserklæringen").fill(address);
    await form.getByRole("button", { name: "Lagre" }).click();
    await form.getByText("Lagret.").waitFor();
    await page.goto(`${env.baseUrl}/kommune/3301?etter=erklaering`);
    expect(await page.getByRole("link", { name: "Tilgjengelighetserklæring" }).getAttribute("href")).toBe(
      address,
    );
    await page.context().close();
  });

  it("shows a clear message for a wrong password, and the sign-in page passes axe", async () => {
    const page = await newPage();
    await page.goto(`${env.baseUrl}/logg-inn`, { waitUntil: "networkidle" });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("E-postadresse").fill("leser@demo.planverk.no");
    await page.getByLabel("Passord").fill("feil-passord");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByText("Feil e-postadresse eller passord.").waitFor();
    await page.context().close();
  });

  it("lets a planner edit the plan, and shows a conflict instead of overwriting someone else's save", async () => {
    const page = await newPage();
    await signInWithForm(page, env.baseUrl, roles.planner.email, demoPassword);
    await page.goto(env.baseUrl, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Rediger planen" }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Tittel").fill("Strategisk næringsplan – revidert");
    await page.getByRole("button", { name: "Lagre" }).click();
    await page.getByRole("heading", { level: 1, name: "Strategisk næringsplan – revidert" }).waitFor();

    // Open the form again, then someone else saves before we do.
    await page.getByRole("button", { name: "Rediger planen" }).click();
    const other = await newPage();
    await signInWithForm(other, env.baseUrl, roles.planner.email, demoPassword);
    await other.goto(env.baseUrl, { waitUntil: "networkidle" });
    await other.getByRole("button", { name: "Rediger planen" }).click();
    await other.getByLabel("Tittel").fill("Kollegaens tittel");
    await other.getByRole("button", { name: "Lagre" }).click();
    await other.getByRole("heading", { level: 1, name: "Kollegaens tittel" }).waitFor();

    await page.getByLabel("Tittel").fill("Min tittel");
    await page.getByRole("button", { name: "Lagre" }).click();
    const conflict = page.getByTestId("conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("Kollegaens tittel");
    expect(await conflict.textContent()).toContain("Min tittel");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Bruk det som er lagret, og prøv igjen" }).click();
    expect(await page.getByLabel("Tittel").inputValue()).toBe("Kollegaens tittel");

    // Historikk shows both saves.
    await page.getByText("Historikk").click();
    await page.getByTestId("audit-list").waitFor();
    expect(await page.getByTestId("audit-list").locator("tbody tr").count()).toBe(2);
    await page.context().close();
    await other.context().close();
  });

  it("invites a person who creates an account from the link and gets the role", async () => {
    const admin = await newPage();
    await signInWithForm(admin, env.baseUrl, roles.admin.email, demoPassword);
    await admin.goto(`${env.baseUrl}/admin`, { waitUntil: "networkidle" });
    await admin.getByLabel("E-postadresse").fill("ny.partner@usn.no");
    await admin.getByLabel("Rolle", { exact: true }).selectOption("partner");
    await admin.getByRole("button", { name: "Lag invitasjon" }).click();
    const link = (await admin.getByTestId("invitation-link").locator("code").textContent()) ?? "";
    expect(link).toMatch(/\/invitasjon\//);

    const invitee = await newPage();
    await invitee.goto(`${env.baseUrl}${new URL(link).pathname}`, { waitUntil: "networkidle" });
    expect(await accessibilityViolations(invitee)).toEqual([]);
    await invitee.getByLabel("Fullt navn").fill("Nora Partner");
    await invitee.getByLabel("Velg passord").fill("blå-sykkel-under-tretten-fjorder");
    await invitee.getByRole("button", { name: "Lag konto og godta" }).click();
    await invitee.getByText("Velkommen! Du har nå rollen partner i Drammen kommune.").waitFor();
    await invitee.goto(env.baseUrl, { waitUntil: "networkidle" });
    expect(await invitee.getByTestId("signed-in-as").textContent()).toContain("Nora Partner");
    await admin.context().close();
    await invitee.context().close();
  });
});
