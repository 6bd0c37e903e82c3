import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatNok } from "../../domain/money.ts";
import type { RemovedMeasuresResponse } from "../../http/routes/measure-removal.ts";
import { browserFetchJson, useSend } from "../api.ts";
import { useRemovalMessages } from "../i18n/removal-messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

export const removalPaths = {
  removed: (municipalityNumber: string, planId: string, year?: number) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/removed-measures${year ? `?year=${year}` : ""}`,
  putBack: (municipalityNumber: string, reference: string) =>
    `/api/municipalities/${municipalityNumber}/measures/${encodeURIComponent(reference)}/put-back`,
  takeOut: (municipalityNumber: string, reference: string) =>
    `/api/municipalities/${municipalityNumber}/measures/${encodeURIComponent(reference)}/take-out`,
};

/**
 * «Tatt ut av forslaget»: the measures taken out of a plan's draft (by hand or by prioritisation),
 * who took them out, when, how and why, with «Sett inn igjen». Renders nothing when none are out.
 */
export function RemovedMeasures({
  municipalityNumber,
  planId,
  year,
  headingLevel = 2,
}: {
  municipalityNumber: string;
  planId: string;
  year?: number;
  headingLevel?: 2 | 3;
}) {
  const { r, date, language } = useRemovalMessages();
  const path = removalPaths.removed(municipalityNumber, planId, year);
  const list = useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<RemovedMeasuresResponse>,
  });
  const [done, setDone] = useState<string | null>(null);
  const putBack = useSend<string, { reference: string }>((reference) => ({
    method: "POST",
    path: `${removalPaths.putBack(municipalityNumber, reference)}${year ? `?year=${year}` : ""}`,
  }));
  const data = list.data;
  if (!data || (data.removed.length === 0 && !done)) return null;
  const nok = (n: number) => formatNok(n, language === "en" ? "en-GB" : "nb-NO");
  const budgetYear = data.budgetYear ?? "";
  return (
    <section className="pv-stack" aria-labelledby="removed-heading" data-testid="removed-measures">
      <Heading level={headingLevel} data-size="xs" id="removed-heading">
        {r("removed.heading")}
      </Heading>
      <div aria-live="polite">{done && <Alert data-color="success">{done}</Alert>}</div>
      <ErrorMessage error={putBack.error} heading={r("removed.putBackRefused")} />
      {data.removed.length > 0 && (
        <>
          <Paragraph data-size="sm">
            {r(data.draft ? "removed.intro" : "removed.introAdopted", { year: budgetYear })}
          </Paragraph>
          <div className="pv-table-scroll">
            <Table zebra border data-size="sm">
              <caption className="pv-visually-hidden">{r("removed.caption", { year: budgetYear })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{r("removed.measure")}</Table.HeaderCell>
                  <Table.HeaderCell>{r("removed.who")}</Table.HeaderCell>
                  <Table.HeaderCell>{r("removed.when")}</Table.HeaderCell>
                  <Table.HeaderCell>{r("removed.how")}</Table.HeaderCell>
                  <Table.HeaderCell>{r("removed.why")}</Table.HeaderCell>
                  <Table.HeaderCell className="pv-num">{r("removed.cost")}</Table.HeaderCell>
                  {data.removed.some((m) => m.mayPutBack) && (
                    <Table.HeaderCell>
                      <span className="pv-visually-hidden">{r("removed.putBack")}</span>
                    </Table.HeaderCell>
                  )}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.removed.map((m) => (
                  <Table.Row key={m.reference} data-testid={`removed-${m.reference}`}>
                    <Table.Cell>
                      <span className="pv-nowrap">{m.reference}</span> {m.title}
                    </Table.Cell>
                    <Table.Cell>{m.removedBy}</Table.Cell>
                    <Table.Cell className="pv-nowrap">{date(m.removedAt)}</Table.Cell>
                    <Table.Cell>
                      {r(m.via === "manual" ? "removed.viaManual" : "removed.viaPrioritisation")}
                    </Table.Cell>
                    <Table.Cell>{m.reason || "–"}</Table.Cell>
                    <Table.Cell className="pv-num pv-nowrap">
                      {nok(m.municipalByYear.reduce((sum, y) => sum + y.amountNok, 0))}
                    </Table.Cell>
                    {data.removed.some((x) => x.mayPutBack) && (
                      <Table.Cell>
                        {m.mayPutBack && (
                          <Button
                            variant="secondary"
                            className="pv-nowrap"
                            data-size="sm"
                            aria-label={r("removed.putBackLabel", { reference: m.reference, title: m.title })}
                            loading={putBack.isPending && putBack.variables === m.reference}
                            onClick={() =>
                              putBack.mutate(m.reference, {
                                onSuccess: () =>
                                  setDone(r("removed.putBackDone", { reference: m.reference })),
                              })
                            }
                          >
                            {r("removed.putBack")}
                          </Button>
                        )}
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
