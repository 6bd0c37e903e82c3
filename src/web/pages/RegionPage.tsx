import {
  Alert,
  Button,
  Details,
  Heading,
  Link,
  List,
  Paragraph,
  Table,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { Link as RouterLink, useParams, useSearchParams } from "react-router";
import type { RegionOverviewResponse } from "../../http/routes/region.ts";
import { useSend } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { AmountCells, YearHeaderCells } from "../components/ByYearCells.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { SharedSplit } from "../components/SharedSplit.tsx";
import { StatusTag } from "../components/StatusTag.tsx";
import { useRegionMessages } from "../i18n/region-messages.ts";
import { regionPaths, useRegionOverview, useRegionSettings, useRegions } from "../region-api.ts";

/**
 * /region and /region/:slug: the regional overview. Every municipality of the region with
 * its measures by focus area, the budget per year (each municipality's own share), shared measures
 * with their split, and partners that work in several municipalities.
 */
export function RegionPage() {
  const { r } = useRegionMessages();
  const params = useParams();
  const regions = useRegions();
  const slug = params.slug ?? regions.data?.[0]?.slug;
  const [search] = useSearchParams();
  const aar = Number(search.get("aar"));
  const overview = useRegionOverview(
    slug,
    Number.isInteger(aar) && aar >= 2000 && aar <= 2200 ? aar : undefined,
  );
  if (!regions.data) return <QueryState isError={regions.isError} />;
  if (!slug) return <Paragraph>{r("region.none")}</Paragraph>;
  if (!overview.data) return <QueryState isError={overview.isError} />;
  const data = overview.data;
  const others = regions.data.filter((x) => x.slug !== slug);
  return (
    <article className="pv-stack pv-stack--loose" data-testid="region-overview">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {data.region.name}
        </Heading>
        <Paragraph>{r("region.intro")}</Paragraph>
        <Paragraph data-size="sm" className="pv-muted">
          {r("region.visibility")}
        </Paragraph>
        <Heading level={2} data-size="xs">
          {r("region.members")}
        </Heading>
        <List.Unordered data-testid="region-members">
          {data.municipalities.map((m) => (
            <List.Item key={m.number}>
              {m.name} ({m.number}){!m.active && <span className="pv-muted"> – {r("region.notActive")}</span>}
            </List.Item>
          ))}
        </List.Unordered>
      </header>
      <YearLinks data={data} />
      <BudgetSection data={data} />
      <MeasuresSection data={data} />
      <section className="pv-stack" aria-labelledby="region-shared-heading" data-testid="region-shared">
        <Heading level={2} data-size="md" id="region-shared-heading">
          {r("region.sharedHeading")}
        </Heading>
        {data.sharedMeasures.length === 0 ? (
          <Paragraph>{r("region.noShared")}</Paragraph>
        ) : (
          <>
            {data.sharedMeasures.map((m) => (
              <SharedSplit key={m.measureId} measure={m} />
            ))}
            <Paragraph data-size="sm" className="pv-muted">
              {r("shared.rule")}
            </Paragraph>
          </>
        )}
      </section>
      <PartnersSection data={data} />
      {data.allowedActions.includes("update") && <RegionSettings slug={data.region.slug} />}
      {others.length > 0 && (
        <nav aria-labelledby="other-regions" className="pv-stack">
          <Heading level={2} data-size="xs" id="other-regions">
            {r("region.other")}
          </Heading>
          <List.Unordered>
            {others.map((o) => (
              <List.Item key={o.slug}>
                <AppLink to={`/region/${o.slug}`}>{o.name}</AppLink>
              </List.Item>
            ))}
          </List.Unordered>
        </nav>
      )}
    </article>
  );
}

/** The budget year shown, with links to the one before and after (`?aar=`, works without script). */
function YearLinks({ data }: { data: RegionOverviewResponse }) {
  const { r } = useRegionMessages();
  const to = (year: number) => `/region/${data.region.slug}?aar=${year}`;
  return (
    <nav aria-label={r("region.yearNav")} data-testid="region-year">
      <Paragraph>
        <Link asChild>
          <RouterLink to={to(data.year - 1)}>{r("region.yearPrevious", { year: data.year - 1 })}</RouterLink>
        </Link>{" "}
        <strong aria-current="page">{r("region.yearShown", { year: data.year })}</strong>{" "}
        <Link asChild>
          <RouterLink to={to(data.year + 1)}>{r("region.yearNext", { year: data.year + 1 })}</RouterLink>
        </Link>
      </Paragraph>
    </nav>
  );
}

function BudgetSection({ data }: { data: RegionOverviewResponse }) {
  const { r } = useRegionMessages();
  const active = data.municipalities.filter((m) => m.active);
  return (
    <section className="pv-stack" aria-labelledby="region-budget-heading">
      <Heading level={2} data-size="md" id="region-budget-heading">
        {r("region.budgetHeading")}
      </Heading>
      <Paragraph data-size="sm">{r("region.budgetRule")}</Paragraph>
      <div className="pv-table-scroll">
        <Table data-size="sm" zebra border data-testid="region-budget">
          <caption className="pv-visually-hidden">{r("region.budgetCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{r("region.municipality")}</Table.HeaderCell>
              <YearHeaderCells years={data.years} />
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {active.map((m) => (
              <Table.Row key={m.number}>
                <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
                <AmountCells byYear={m.budgetByYear} />
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{r("region.total")}</Table.HeaderCell>
              <AmountCells byYear={data.totalByYear} strong />
            </Table.Row>
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function MeasuresSection({ data }: { data: RegionOverviewResponse }) {
  const { r, nok } = useRegionMessages();
  return (
    <section className="pv-stack" aria-labelledby="region-measures-heading">
      <Heading level={2} data-size="md" id="region-measures-heading">
        {r("region.measuresHeading")}
      </Heading>
      {data.municipalities
        .filter((m) => m.active)
        .map((m) => (
          <Details key={m.number} data-testid={`region-municipality-${m.number}`}>
            <Details.Summary>
              {m.name}: {r("region.measureCount", { count: m.measureCount })}
            </Details.Summary>
            <Details.Content>
              <div className="pv-stack">
                {m.actionPlans.map((p) => (
                  <Paragraph key={`${p.planTitle}-${p.budgetYear}`} data-size="sm" className="pv-muted">
                    {r("region.actionPlan", {
                      plan: p.planTitle,
                      year: p.budgetYear,
                      status: p.status === "adopted" ? r("region.adopted") : r("region.draft"),
                    })}
                  </Paragraph>
                ))}
                {m.measureCount === 0 && <Paragraph>{r("region.noMeasures")}</Paragraph>}
                {m.focusAreas.map((area) => (
                  <div key={area.title} className="pv-stack">
                    <Heading level={3} data-size="2xs">
                      {area.title}
                    </Heading>
                    <div className="pv-table-scroll">
                      <Table data-size="sm" zebra border>
                        <caption className="pv-visually-hidden">
                          {r("region.measuresCaption", { municipality: m.name, area: area.title })}
                        </caption>
                        <Table.Head>
                          <Table.Row>
                            <Table.HeaderCell>{r("region.reference")}</Table.HeaderCell>
                            <Table.HeaderCell>{r("region.title")}</Table.HeaderCell>
                            <Table.HeaderCell>{r("region.status")}</Table.HeaderCell>
                            <Table.HeaderCell className="pv-num">{r("region.cost")}</Table.HeaderCell>
                          </Table.Row>
                        </Table.Head>
                        <Table.Body>
                          {area.measures.map((measure) => (
                            <Table.Row key={measure.reference}>
                              <Table.Cell className="pv-nowrap">{measure.reference}</Table.Cell>
                              <Table.Cell>
                                {measure.title}{" "}
                                {measure.shared && (
                                  <Tag data-color="info" data-size="sm">
                                    {r("region.sharedTag")}
                                  </Tag>
                                )}
                              </Table.Cell>
                              <Table.Cell>
                                <StatusTag status={measure.status} />
                              </Table.Cell>
                              <Table.Cell className="pv-num">{nok(measure.municipalNok)}</Table.Cell>
                            </Table.Row>
                          ))}
                        </Table.Body>
                      </Table>
                    </div>
                  </div>
                ))}
              </div>
            </Details.Content>
          </Details>
        ))}
    </section>
  );
}

function PartnersSection({ data }: { data: RegionOverviewResponse }) {
  const { r } = useRegionMessages();
  return (
    <section className="pv-stack" aria-labelledby="region-partners-heading">
      <Heading level={2} data-size="md" id="region-partners-heading">
        {r("region.partnersHeading")}
      </Heading>
      <Paragraph data-size="sm">{r("region.partnersRule")}</Paragraph>
      {data.partners.length === 0 ? (
        <Paragraph>{r("region.noPartners")}</Paragraph>
      ) : (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra border data-testid="region-partners">
            <caption className="pv-visually-hidden">{r("region.partnersCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{r("region.partnerName")}</Table.HeaderCell>
                <Table.HeaderCell>{r("region.orgNumber")}</Table.HeaderCell>
                <Table.HeaderCell>{r("region.partnerMunicipalities")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.partners.map((p) => (
                <Table.Row key={p.organisationNumber}>
                  <Table.Cell>{p.names.join(" / ")}</Table.Cell>
                  <Table.Cell className="pv-nowrap">{p.organisationNumber}</Table.Cell>
                  <Table.Cell>{p.municipalities.map((m) => m.name).join(", ")}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

/** Members and coordinators: installation admins only. */
function RegionSettings({ slug }: { slug: string }) {
  const { r } = useRegionMessages();
  const settings = useRegionSettings(slug, true);
  const [numbers, setNumbers] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSend((body: { name: string; municipalityNumbers: string[]; version: number }) => ({
    method: "PUT",
    path: regionPaths.region(slug),
    body,
  }));
  const appoint = useSend((body: { email: string }) => ({
    method: "POST",
    path: regionPaths.coordinators(slug),
    body,
  }));
  const remove = useSend((userId: string) => ({
    method: "DELETE",
    path: regionPaths.coordinator(slug, userId),
  }));
  if (!settings.data) return <QueryState isError={settings.isError} />;
  const data = settings.data;
  return (
    <section className="pv-stack" aria-labelledby="region-settings-heading" data-testid="region-settings">
      <Heading level={2} data-size="md" id="region-settings-heading">
        {r("region.settingsHeading")}
      </Heading>
      <Paragraph data-size="sm" className="pv-muted">
        {r("region.settingsIntro")}
      </Paragraph>
      <div role="status">{notice && <Alert data-color="success">{notice}</Alert>}</div>
      <form
        className="pv-stack pv-form"
        aria-labelledby="region-settings-heading"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            {
              name: name ?? data.name,
              municipalityNumbers: (numbers ?? data.municipalityNumbers.join(", "))
                .split(/[\s,;]+/)
                .filter(Boolean),
              version: data.version,
            },
            {
              onSuccess: () => {
                setNumbers(null);
                setName(null);
                setNotice(r("region.saved"));
              },
            },
          );
        }}
      >
        <ErrorMessage error={save.error} />
        <Textfield
          label={r("region.name")}
          value={name ?? data.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Textfield
          label={r("region.memberNumbers")}
          description={r("region.memberNumbersHint")}
          value={numbers ?? data.municipalityNumbers.join(", ")}
          onChange={(e) => setNumbers(e.target.value)}
        />
        <div className="pv-actions">
          <Button type="submit" disabled={save.isPending}>
            {r("region.save")}
          </Button>
        </div>
      </form>
      <Heading level={3} data-size="xs">
        {r("region.coordinators")}
      </Heading>
      <Paragraph data-size="sm">{r("region.coordinatorsIntro")}</Paragraph>
      {data.coordinators.length === 0 ? (
        <Paragraph data-size="sm">{r("region.noCoordinators")}</Paragraph>
      ) : (
        <List.Unordered>
          {data.coordinators.map((c) => (
            <List.Item key={c.userId}>
              {c.name} (<Link href={`mailto:${c.email}`}>{c.email}</Link>){" "}
              <Button
                variant="tertiary"
                data-size="sm"
                aria-label={r("region.removeLabel", { name: c.name })}
                onClick={() => remove.mutate(c.userId)}
              >
                {r("region.remove")}
              </Button>
            </List.Item>
          ))}
        </List.Unordered>
      )}
      <form
        className="pv-stack pv-form"
        aria-label={r("region.appoint")}
        onSubmit={(e) => {
          e.preventDefault();
          appoint.mutate(
            { email },
            {
              onSuccess: (result) => {
                setEmail("");
                setNotice(r("region.appointed", { name: (result as { name: string }).name }));
              },
            },
          );
        }}
      >
        <ErrorMessage error={appoint.error ?? remove.error} />
        <Textfield
          label={r("region.coordinatorEmail")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <div className="pv-actions">
          <Button type="submit" variant="secondary" disabled={appoint.isPending || !email}>
            {r("region.appoint")}
          </Button>
        </div>
      </form>
    </section>
  );
}
