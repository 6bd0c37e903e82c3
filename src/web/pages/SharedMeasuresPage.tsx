import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import type { SharedMeasureResponse } from "../../http/routes/shared-measure-schema.ts";
import { fieldError, useAllMeasures, useCurrentMunicipality, usePlanTree, useSend } from "../api.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { SharedSplit } from "../components/SharedSplit.tsx";
import { useRegionMessages } from "../i18n/region-messages.ts";
import { regionPaths, useSharedMeasures } from "../region-api.ts";

type FrameArea = { id: string; name: string };

/** /felles-tiltak: a municipality's shared measures; its planners join, change their share, leave and invite. */
export function SharedMeasuresPage() {
  const { r } = useRegionMessages();
  const municipality = useCurrentMunicipality().data;
  const internal = Boolean(municipality?.role && municipality.role !== "partner");
  const shared = useSharedMeasures(municipality?.number, internal);
  const [notice, setNotice] = useState<string | null>(null);
  if (!municipality) return <QueryState isError={false} />;
  if (!internal) return <Paragraph>{r("shared.internalOnly")}</Paragraph>;
  if (!shared.data) return <QueryState isError={shared.isError} />;
  const { measures, frameAreas, allowedActions, regionMunicipalities } = shared.data;
  const mayParticipate = allowedActions.includes("participate");
  const invitations = measures.filter((m) => m.role === "invited");
  const ours = measures.filter((m) => m.role !== "invited");
  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {r("shared.heading")}
        </Heading>
        <Paragraph>{r("shared.intro")}</Paragraph>
        <div role="status" data-testid="shared-notice">
          {notice && <Alert data-color="success">{notice}</Alert>}
        </div>
      </header>
      {invitations.length > 0 && (
        <section className="pv-stack" aria-labelledby="invitations-heading">
          <Heading level={2} data-size="md" id="invitations-heading">
            {r("shared.invitationsHeading")}
          </Heading>
          {invitations.map((m) => (
            <Card key={m.measureId} data-color="neutral" className="pv-stack" data-testid="invitation">
              <Paragraph>
                {r("shared.invitation", {
                  owner: m.owner.name,
                  municipality: municipality.name,
                  reference: m.reference,
                  title: m.title,
                })}
              </Paragraph>
              <SharedSplit measure={m} />
              {mayParticipate && (
                <ParticipationForm
                  municipalityNumber={municipality.number}
                  municipalityName={municipality.name}
                  measure={m}
                  frameAreas={frameAreas}
                  onDone={setNotice}
                />
              )}
            </Card>
          ))}
        </section>
      )}
      <section className="pv-stack" aria-labelledby="ours-heading">
        <Heading level={2} data-size="md" id="ours-heading">
          {r("shared.ours")}
        </Heading>
        {ours.length === 0 && <Paragraph>{r("shared.none")}</Paragraph>}
        {ours.map((m) => (
          <div key={m.measureId} className="pv-stack">
            <SharedSplit measure={m} />
            {m.role === "participant" && mayParticipate && (
              <ParticipationForm
                municipalityNumber={municipality.number}
                municipalityName={municipality.name}
                measure={m}
                frameAreas={frameAreas}
                onDone={setNotice}
              />
            )}
            {m.role === "owner" && allowedActions.includes("share") && (
              <WithdrawButtons municipalityNumber={municipality.number} measure={m} onDone={setNotice} />
            )}
          </div>
        ))}
        <Paragraph data-size="sm" className="pv-muted">
          {r("shared.rule")}
        </Paragraph>
      </section>
      {allowedActions.includes("share") && regionMunicipalities.length > 0 && (
        <InviteForm
          municipalityNumber={municipality.number}
          municipalities={regionMunicipalities}
          onDone={setNotice}
        />
      )}
    </article>
  );
}

function ParticipationForm({
  municipalityNumber,
  municipalityName,
  measure,
  frameAreas,
  onDone,
}: {
  municipalityNumber: string;
  municipalityName: string;
  measure: SharedMeasureResponse;
  frameAreas: FrameArea[];
  onDone: (notice: string) => void;
}) {
  const { r } = useRegionMessages();
  const participation = measure.participation;
  const joined = measure.role === "participant";
  const [percent, setPercent] = useState(joined ? String(participation?.sharePercent ?? "") : "");
  const [frameAreaId, setFrameAreaId] = useState(participation?.frameAreaId ?? frameAreas[0]?.id ?? "");
  const join = useSend((body: { sharePercent: number; frameAreaId: string; version: number }) => ({
    method: "PUT",
    path: regionPaths.participation(municipalityNumber, participation?.id ?? ""),
    body,
  }));
  const leave = useSend((version: number) => ({
    method: "DELETE",
    path: `${regionPaths.participation(municipalityNumber, participation?.id ?? "")}?version=${version}`,
  }));
  if (!participation) return null;
  if (frameAreas.length === 0) return <Paragraph data-size="sm">{r("shared.noFrameAreas")}</Paragraph>;
  const idPrefix = `participation-${participation.id}`;
  const area = frameAreas.find((a) => a.id === participation.frameAreaId);
  return (
    <form
      className="pv-stack"
      aria-label={`${measure.reference} ${measure.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        // mutateAsync: the form may be gone once the lists refetch (an invitation becomes a participation).
        join
          .mutateAsync({ sharePercent: Number(percent), frameAreaId, version: participation.version })
          .then(() =>
            onDone(r("shared.joined", { municipality: municipalityName, reference: measure.reference })),
          )
          .catch(() => undefined);
      }}
    >
      {joined && area && (
        <Paragraph data-size="sm">
          {r("shared.current", { percent: participation.sharePercent, area: area.name })}
        </Paragraph>
      )}
      {!fieldError(join.error, "/sharePercent") && <ErrorMessage error={join.error ?? leave.error} />}
      <div className="pv-filters">
        <Textfield
          id={`${idPrefix}-percent`}
          label={r("shared.sharePercent")}
          description={r("shared.sharePercentHint")}
          inputMode="numeric"
          value={percent}
          error={fieldError(join.error, "/sharePercent")}
          onChange={(e) => setPercent(e.target.value)}
        />
        <Field>
          <Label htmlFor={`${idPrefix}-area`}>{r("shared.frameArea")}</Label>
          <Select
            id={`${idPrefix}-area`}
            value={frameAreaId}
            onChange={(e) => setFrameAreaId(e.target.value)}
          >
            {frameAreas.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="pv-actions">
        <Button type="submit" disabled={join.isPending}>
          {joined ? r("shared.update") : r("shared.join")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={leave.isPending}
          onClick={() =>
            leave
              .mutateAsync(participation.version)
              .then(() =>
                onDone(r("shared.left", { municipality: municipalityName, reference: measure.reference })),
              )
              .catch(() => undefined)
          }
        >
          {joined ? r("shared.leave") : r("shared.decline")}
        </Button>
      </div>
    </form>
  );
}

function WithdrawButtons({
  municipalityNumber,
  measure,
  onDone,
}: {
  municipalityNumber: string;
  measure: SharedMeasureResponse;
  onDone: (notice: string) => void;
}) {
  const { r } = useRegionMessages();
  const withdraw = useSend((participantNumber: string) => ({
    method: "DELETE",
    path: `${regionPaths.participants(municipalityNumber, measure.reference)}/${participantNumber}`,
  }));
  const invited = measure.parties.filter((p) => p.role === "invited");
  if (invited.length === 0) return null;
  return (
    <div className="pv-actions">
      <ErrorMessage error={withdraw.error} />
      {invited.map((p) => (
        <Button
          key={p.number}
          variant="tertiary"
          data-size="sm"
          aria-label={r("shared.withdrawLabel", { name: p.name })}
          onClick={() =>
            withdraw
              .mutateAsync(p.number)
              .then(() => onDone(r("shared.withdrawn", { name: p.name })))
              .catch(() => undefined)
          }
        >
          {r("shared.withdrawLabel", { name: p.name })}
        </Button>
      ))}
    </div>
  );
}

function InviteForm({
  municipalityNumber,
  municipalities,
  onDone,
}: {
  municipalityNumber: string;
  municipalities: { number: string; name: string }[];
  onDone: (notice: string) => void;
}) {
  const { r } = useRegionMessages();
  const tree = usePlanTree(municipalityNumber);
  // The measures of the plan in execution and of the newest plan (often the draft under work, where
  // a new shared measure is planned): a planner may invite to any measure they can read.
  const newest = Math.max(0, ...(tree.data?.yearChoice.alive.map((o) => o.budgetYear) ?? []));
  const list = useAllMeasures(municipalityNumber, tree.data?.plan?.id, "");
  const newestList = useAllMeasures(municipalityNumber, tree.data?.plan?.id, newest ? `year=${newest}` : "");
  const [reference, setReference] = useState("");
  const [participant, setParticipant] = useState("");
  const invite = useSend((input: { reference: string; municipalityNumber: string }) => ({
    method: "POST",
    path: regionPaths.participants(municipalityNumber, input.reference),
    body: { municipalityNumber: input.municipalityNumber },
  }));
  const items = [...(list.data?.items ?? []), ...(newestList.data?.items ?? [])]
    .filter((m, i, all) => all.findIndex((other) => other.reference === m.reference) === i)
    .sort((a, b) => a.reference.localeCompare(b.reference, "nb", { numeric: true }));
  return (
    <section className="pv-stack" aria-labelledby="invite-heading">
      <Heading level={2} data-size="md" id="invite-heading">
        {r("shared.inviteHeading")}
      </Heading>
      <Paragraph data-size="sm">{r("shared.inviteIntro")}</Paragraph>
      <form
        className="pv-stack"
        aria-labelledby="invite-heading"
        onSubmit={(e) => {
          e.preventDefault();
          const name = municipalities.find((m) => m.number === participant)?.name ?? participant;
          invite.mutate(
            { reference, municipalityNumber: participant },
            { onSuccess: () => onDone(r("shared.invited", { name })) },
          );
        }}
      >
        <ErrorMessage error={invite.error} />
        <div className="pv-filters">
          <Field>
            <Label htmlFor="invite-measure">{r("shared.measure")}</Label>
            <Select
              id="invite-measure"
              value={reference}
              required
              onChange={(e) => setReference(e.target.value)}
            >
              <Select.Option value="">{r("shared.choose")}</Select.Option>
              {items.map((m) => (
                <Select.Option key={m.reference} value={m.reference}>
                  {m.reference} {m.title}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="invite-municipality">{r("shared.municipality")}</Label>
            <Select
              id="invite-municipality"
              value={participant}
              required
              onChange={(e) => setParticipant(e.target.value)}
            >
              <Select.Option value="">{r("shared.choose")}</Select.Option>
              {municipalities.map((m) => (
                <Select.Option key={m.number} value={m.number}>
                  {m.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="pv-actions">
          <Button type="submit" disabled={invite.isPending || !reference || !participant}>
            {r("shared.invite")}
          </Button>
        </div>
      </form>
    </section>
  );
}
