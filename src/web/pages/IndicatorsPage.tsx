import { Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "react-router";
import { useCurrentMunicipality, usePlanTree } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { IndicatorStatusTag } from "../components/IndicatorStatusTag.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useIndicatorMessages } from "../i18n/indicator-messages.ts";
import { useIndicators } from "../indicator-api.ts";

/** /indikatorer: the knowledge base, indicators grouped by the plan's goals. */
export function IndicatorsPage() {
  const { m, num } = useIndicatorMessages();
  const municipality = useCurrentMunicipality().data;
  const list = useIndicators(municipality?.number);
  const tree = usePlanTree(municipality?.number);
  if (!municipality || !list.data) return <QueryState isError={list.isError} />;
  const goals = tree.data?.goals ?? [];
  const groups = [
    ...goals.map((g) => ({
      id: g.id,
      title: g.title,
      items: list.data.filter((i) => i.goals.some((x) => x.id === g.id)),
    })),
    { id: "none", title: m("list.noGoal"), items: list.data.filter((i) => i.goals.length === 0) },
  ].filter((g) => g.items.length > 0);
  const mayCreate = municipality.role === "planner";
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {m("list.heading")}
        </Heading>
        <Paragraph>{m("list.intro")}</Paragraph>
        {mayCreate && (
          <div>
            <Button asChild variant="secondary">
              <RouterLink to="/indikatorer/ny">{m("list.new")}</RouterLink>
            </Button>
          </div>
        )}
      </header>
      {list.data.length === 0 && <Paragraph>{m("list.none")}</Paragraph>}
      {groups.map((group) => (
        <section key={group.id} className="pv-stack" aria-labelledby={`goal-${group.id}`}>
          <Heading level={2} data-size="sm" id={`goal-${group.id}`}>
            {group.title}
          </Heading>
          <div className="pv-table-scroll">
            <Table data-size="sm" zebra data-testid={`indicators-${group.id}`}>
              <caption className="pv-visually-hidden">{m("list.caption", { goal: group.title })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{m("list.name")}</Table.HeaderCell>
                  <Table.HeaderCell>{m("list.latest")}</Table.HeaderCell>
                  <Table.HeaderCell>{m("list.status")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {group.items.map((i) => (
                  <Table.Row key={i.id}>
                    <Table.Cell>
                      <AppLink to={`/indikatorer/${i.id}`}>{i.name}</AppLink>
                      {i.isExample && (
                        <>
                          {" "}
                          <Tag data-color="warning" data-size="sm">
                            {m("example.note")}
                          </Tag>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {"latest" in i.status
                        ? `${num(i.status.latest.value, i.decimals)}${i.unit ? ` ${i.unit}` : ""} (${i.status.latest.period})`
                        : "–"}
                    </Table.Cell>
                    <Table.Cell>
                      <IndicatorStatusTag status={i.status} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </section>
      ))}
      <Paragraph data-size="sm" className="pv-muted">
        {m("status.rule")}
      </Paragraph>
    </article>
  );
}
