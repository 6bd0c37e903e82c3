import { Alert, Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import type { JobQueueResponse, QueuedJobResponse } from "../../http/routes/job-queue.ts";
import { ApiError, apiPaths, browserFetchJson, useSend, useSession } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useJobMessages } from "../i18n/job-messages.ts";
import { useLanguage } from "../i18n/language.tsx";

const stateColors = { created: "info", retry: "warning", active: "success", failed: "danger" } as const;

/** Installation admins see the background jobs that wait, run or failed, and try a failed one again. */
export function JobsPage() {
  const { t } = useLanguage();
  const { j, queueName, moment } = useJobMessages();
  const user = useSession().data?.user;
  const jobs = useQuery({
    queryKey: [apiPaths.adminJobs()],
    queryFn: () => browserFetchJson(apiPaths.adminJobs()) as Promise<JobQueueResponse>,
    enabled: Boolean(user?.isSystemAdmin),
    refetchInterval: 10_000,
    retry: false,
  });
  const retry = useSend((job: QueuedJobResponse) => ({
    method: "POST",
    path: apiPaths.retryJob(job.queue, job.id),
  }));
  if (!user?.isSystemAdmin) return <Paragraph>{t("admin.noAccess")}</Paragraph>;
  const list = jobs.data?.jobs ?? [];
  const count = (...states: QueuedJobResponse["state"][]) =>
    list.filter((x) => states.includes(x.state)).length;
  return (
    <article className="pv-stack">
      <Heading level={1} data-size="lg">
        {j("jobs.heading")}
      </Heading>
      <Paragraph>{j("jobs.intro")}</Paragraph>
      <Paragraph data-size="sm">
        <AppLink to="/drift/kommuner">{j("nav.municipalities")}</AppLink>
      </Paragraph>
      <ErrorMessage error={retry.error} />
      {retry.isSuccess && (
        <Alert data-color="success" role="status">
          {j("jobs.retried")}
        </Alert>
      )}
      {jobs.error instanceof ApiError && jobs.error.status === 503 ? (
        <Alert data-color="warning">{j("jobs.notRunning")}</Alert>
      ) : !jobs.data ? (
        <QueryState isError={jobs.isError} />
      ) : list.length === 0 ? (
        <Paragraph data-testid="jobs-none">{j("jobs.none")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" data-testid="jobs-summary">
            {j("jobs.summary", {
              waiting: count("created", "retry"),
              active: count("active"),
              failed: count("failed"),
            })}
          </Paragraph>
          <div className="pv-table-scroll">
            <Table data-size="sm" zebra data-testid="jobs-table">
              <caption className="pv-visually-hidden">{j("jobs.caption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{j("jobs.queue")}</Table.HeaderCell>
                  <Table.HeaderCell>{j("jobs.state")}</Table.HeaderCell>
                  <Table.HeaderCell>{j("jobs.created")}</Table.HeaderCell>
                  <Table.HeaderCell>{j("jobs.tries")}</Table.HeaderCell>
                  <Table.HeaderCell>{j("jobs.error")}</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="pv-visually-hidden">{j("jobs.retry")}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.map((job) => (
                  <Table.Row key={job.id}>
                    <Table.Cell>{queueName(job.queue)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={stateColors[job.state]} data-size="sm">
                        {j(`state.${job.state}`)}
                      </Tag>
                      {job.state === "retry" && (
                        <div className="pv-muted">{j("jobs.nextTry", { when: moment(job.startAfter) })}</div>
                      )}
                    </Table.Cell>
                    <Table.Cell>{moment(job.createdOn)}</Table.Cell>
                    <Table.Cell>
                      {j("jobs.triesOf", { count: job.retryCount + 1, limit: job.retryLimit + 1 })}
                    </Table.Cell>
                    <Table.Cell style={{ overflowWrap: "anywhere", minWidth: "12rem" }}>
                      {job.error ?? ""}
                    </Table.Cell>
                    <Table.Cell>
                      {job.state === "failed" && (
                        <Button
                          variant="secondary"
                          data-size="sm"
                          disabled={retry.isPending}
                          onClick={() => retry.mutate(job)}
                          aria-label={`${j("jobs.retry")}: ${queueName(job.queue)}, ${moment(job.createdOn)}`}
                        >
                          {j("jobs.retry")}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </article>
  );
}
