import { Button, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { type IndicatorRefreshSchedule, indicatorRefreshSchedules } from "../../domain/indicators.ts";
import type { IndicatorDetailResponse } from "../../http/routes/indicators.ts";
import { useSend } from "../api.ts";
import { useJobMessages } from "../i18n/job-messages.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

/**
 * On the indicator page: how often its address is fetched again (planners choose), and how the last
 * fetch went: when, and what it changed, or why it failed.
 */
export function IndicatorRefresh({
  municipalityNumber,
  indicator,
  mayUpdate,
}: {
  municipalityNumber: string;
  indicator: IndicatorDetailResponse;
  mayUpdate: boolean;
}) {
  const { j, moment } = useJobMessages();
  const { refresh } = indicator;
  const fromAddress = Boolean(indicator.currentImport?.sourceUrl);
  const [schedule, setSchedule] = useState<IndicatorRefreshSchedule>(refresh.schedule);
  const save = useSend((input: { schedule: IndicatorRefreshSchedule }) => ({
    method: "PUT",
    path: `/api/municipalities/${municipalityNumber}/indicators/${indicator.id}/refresh-schedule`,
    body: { schedule: input.schedule, version: indicator.version },
  }));
  if (!fromAddress && refresh.schedule === "never" && !refresh.lastFetchedAt) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ schedule });
  };
  const last = !refresh.lastFetchedAt
    ? j("refresh.notYet")
    : refresh.ok
      ? j("refresh.lastOk", {
          when: moment(refresh.lastFetchedAt),
          added: refresh.summary?.added ?? 0,
          changed: refresh.summary?.changed ?? 0,
          removed: refresh.summary?.removed ?? 0,
        })
      : j("refresh.lastFailed", { when: moment(refresh.lastFetchedAt), error: refresh.error ?? "" });
  return (
    <section className="pv-stack" aria-labelledby="refresh-heading" data-testid="indicator-refresh">
      <Heading level={2} data-size="sm" id="refresh-heading">
        {j("refresh.heading")}
      </Heading>
      {mayUpdate && fromAddress ? (
        <form
          onSubmit={onSubmit}
          style={{ display: "flex", alignItems: "flex-end", flexWrap: "wrap", gap: "0.75rem" }}
        >
          <div style={{ flex: "0 1 20rem", minWidth: "12rem" }}>
            <Label htmlFor="refresh-schedule">{j("refresh.label")}</Label>
            <Select
              id="refresh-schedule"
              value={schedule}
              onChange={(e) => setSchedule(e.target.value as IndicatorRefreshSchedule)}
            >
              {indicatorRefreshSchedules.map((s) => (
                <Select.Option key={s} value={s}>
                  {j(`refresh.${s}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {j("refresh.save")}
          </Button>
          {save.isSuccess && <span role="status">{j("refresh.saved")}</span>}
        </form>
      ) : (
        <Paragraph>{j(`refresh.${refresh.schedule}`)}</Paragraph>
      )}
      {!fromAddress && <Paragraph data-size="sm">{j("refresh.onlyAddress")}</Paragraph>}
      <Paragraph
        data-size="sm"
        data-testid="last-fetch"
        data-color={refresh.ok === false ? "danger" : undefined}
      >
        {last}
      </Paragraph>
      <ErrorMessage error={save.error} />
    </section>
  );
}
