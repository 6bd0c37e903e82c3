import { Heading, List, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { CycleResponse } from "../../../http/routes/cycles.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { decisionText, versionName } from "../../components/cycle-texts.ts";
import { cyclePages } from "../../cycle-api.ts";
import { useCycleMessages } from "../../i18n/cycle-messages.ts";
import { useLanguage } from "../../i18n/language.tsx";
import { CorrectDecision } from "./CorrectDecision.tsx";

/** The versions of a cycle's action plan, and links to what changed between them and from last year. */
export function VersionsSection({
  municipalityNumber,
  planId,
  cycle,
  all,
}: {
  municipalityNumber: string;
  planId: string;
  cycle: CycleResponse;
  all: CycleResponse[];
}) {
  const { language } = useLanguage();
  const { c } = useCycleMessages();
  const newest = cycle.actionPlans.at(-1);
  const previous = all.find((x) => x.budgetYear === cycle.budgetYear - 1);
  const previousAdopted = previous?.actionPlans.filter((v) => v.status === "adopted").at(-1);
  const beforeNewest = cycle.actionPlans.at(-2);
  return (
    <section className="pv-stack" aria-labelledby="versions-heading">
      <Heading level={2} data-size="sm" id="versions-heading">
        {c("cycle.versions")}
      </Heading>
      {cycle.actionPlans.length === 0 ? (
        <Paragraph>{c("cycle.noVersions")}</Paragraph>
      ) : (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra data-testid="versions-table">
            <caption className="pv-visually-hidden">
              {c("cycle.versionsCaption", { year: cycle.budgetYear })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{c("cycle.version")}</Table.HeaderCell>
                <Table.HeaderCell>{c("cycle.status")}</Table.HeaderCell>
                <Table.HeaderCell>{c("cycle.decision")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{c("cycle.measures")}</Table.HeaderCell>
                <Table.HeaderCell className="pv-num">{c("cycle.needsReviewColumn")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cycle.actionPlans.map((v) => (
                <Table.Row key={v.id}>
                  <Table.Cell>
                    <AppLink to={cyclePages.actionPlan(planId, cycle.budgetYear, v.revision)}>
                      {versionName(c, cycle.budgetYear, v.revision)}
                    </AppLink>
                    {v.reason && (
                      <>
                        <br />
                        <span className="pv-muted" style={{ fontSize: "0.875rem" }}>
                          {v.reason}
                        </span>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={v.status === "adopted" ? "success" : "warning"} data-size="sm">
                      {c(`status.${v.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {decisionText(c, language, v) ?? "–"}
                    {v.status === "adopted" && cycle.allowedActions.includes("adopt") && (
                      <div>
                        <CorrectDecision municipalityNumber={municipalityNumber} cycle={cycle} version={v} />
                      </div>
                    )}
                  </Table.Cell>
                  <Table.Cell className="pv-num">{v.measureCount}</Table.Cell>
                  <Table.Cell className="pv-num">{v.needsReview}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Heading level={3} data-size="xs">
        {c("cycle.compare")}
      </Heading>
      <List.Unordered data-testid="compare-links">
        {newest && beforeNewest && (
          <List.Item>
            <AppLink to={cyclePages.compare(beforeNewest.id, newest.id)}>
              {c("cycle.compareRevision", { before: beforeNewest.revision, after: newest.revision })}
            </AppLink>
          </List.Item>
        )}
        {newest && previousAdopted && previous && (
          <List.Item>
            <AppLink to={cyclePages.compare(previousAdopted.id, newest.id)}>
              {c("cycle.compareLastYear", { before: previous.budgetYear, after: cycle.budgetYear })}
            </AppLink>
          </List.Item>
        )}
        <List.Item>
          <AppLink to="/endringer">{c("cycle.compareChoose")}</AppLink>
        </List.Item>
      </List.Unordered>
    </section>
  );
}
