import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { financialPlanPeriod } from "../../domain/cycle.ts";
import { canOwnMeasures, type PartnerRole, partnerRoles } from "../../domain/measures.ts";
import type { BudgetSetupResponse } from "../../http/routes/budget.ts";
import type { MeasureDetailResponse } from "../../http/routes/measures.ts";
import type { PlanTreeResponse } from "../../http/routes/plan.ts";
import {
  ApiError,
  apiPaths,
  browserFetchJson,
  fieldError,
  useCurrentMunicipality,
  useMeasure,
  useMembers,
  useOrganisations,
  usePlanTree,
  useSend,
} from "../api.ts";
import { CheckboxList } from "../components/CheckboxList.tsx";
import { CostsTable, costRows, costsFormOf, costsUnreadable } from "../components/CostsTable.tsx";
import { conflictCurrent } from "../components/conflict.ts";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { focusFirstInvalid } from "../components/MoneyField.tsx";
import { useYearParam } from "../components/PlanYearSwitcher.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { RichTextField } from "../components/RichTextField.tsx";
import { useLanguage } from "../i18n/language.tsx";

type Form = {
  title: string;
  description: string;
  focusAreaId: string;
  goalIds: string[];
  objectiveIds: string[];
  responsibleUnit: string;
  contactPerson: string;
  ownerUserId: string;
  partners: { organisationId: string; role: PartnerRole }[];
  startYear: string;
  endYear: string;
  tags: string;
  links: { title: string; url: string }[];
};

function formOf(m: MeasureDetailResponse | undefined, budgetYear: number): Form {
  return {
    title: m?.title ?? "",
    description: m?.description ?? "",
    focusAreaId: m?.focusAreaId ?? "",
    goalIds: m?.goals.map((g) => g.id) ?? [],
    objectiveIds: m?.objectives.map((o) => o.id) ?? [],
    responsibleUnit: m?.responsibleUnit ?? "",
    contactPerson: m?.contactPerson ?? "",
    ownerUserId: m?.ownerUserId ?? "",
    partners: m?.partners.map((p) => ({ organisationId: p.id, role: p.role })) ?? [],
    startYear: String(m?.startYear ?? budgetYear),
    endYear: String(m?.endYear ?? budgetYear + 3),
    tags: m?.tags.join(", ") ?? "",
    links: m?.links ?? [],
  };
}

/** New measure (/tiltak/nytt) and editing one (/tiltak/:reference/rediger). */
export function MeasureFormPage() {
  const { reference } = useParams();
  const municipality = useCurrentMunicipality().data;
  // The draft being edited is named in the address (`?aar=2028`); the measure page links with it.
  // Without `aar`, editing is planning work: the measure's version in the plan in preparation.
  const year = useYearParam();
  const shown = useMeasure(municipality?.number, reference ?? "", year);
  const shownTree = usePlanTree(municipality?.number, year);
  const alive = reference ? shown.data?.yearChoice.alive : shownTree.data?.yearChoice.alive;
  const draftYear = year ?? alive?.find((a) => a.role === "preparation")?.budgetYear;
  const tree = usePlanTree(municipality?.number, draftYear);
  const existing = useMeasure(municipality?.number, reference ?? "", draftYear);
  if (!municipality || !tree.data?.plan) return <QueryState isError={tree.isError} />;
  if (reference && !existing.data) return <QueryState isError={existing.isError} />;
  return (
    <MeasureForm
      key={`${reference ?? "new"}-${existing.data?.actionPlan.budgetYear ?? ""}-${tree.data.cycle?.budgetYear ?? ""}`}
      municipalityNumber={municipality.number}
      tree={tree.data}
      measure={reference ? existing.data : undefined}
    />
  );
}

function MeasureForm({
  municipalityNumber,
  tree,
  measure,
}: {
  municipalityNumber: string;
  tree: PlanTreeResponse;
  measure: MeasureDetailResponse | undefined;
}) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const plan = tree.plan as NonNullable<PlanTreeResponse["plan"]>;
  const aar = measure ? `?aar=${measure.actionPlan.budgetYear}` : "";
  const [form, setForm] = useState<Form>(() =>
    formOf(measure, tree.cycle?.budgetYear ?? new Date().getFullYear() + 1),
  );
  const [version, setVersion] = useState(measure?.contentVersion ?? 0);
  const [costs, setCosts] = useState(() => costsFormOf(measure));
  // Costs are sent only when the person changed them: a save of the text leaves them as they are.
  const [costsChanged, setCostsChanged] = useState(false);
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const budgetYear = measure?.actionPlan.budgetYear ?? tree.cycle?.budgetYear;
  const years = budgetYear ? financialPlanPeriod(budgetYear).years : [];
  const setupPath = `/api/municipalities/${municipalityNumber}/budget-setup`;
  const setup = useQuery({
    queryKey: [setupPath],
    queryFn: () => browserFetchJson(setupPath) as Promise<BudgetSetupResponse>,
    enabled: years.length > 0,
  });
  const sources = setup.data?.fundingSources ?? [];
  const members = useMembers(municipalityNumber);
  const organisations = useOrganisations(municipalityNumber);
  const save = useSend<object, { reference: string }>((body) =>
    measure
      ? {
          method: "PUT",
          path: apiPaths.measure(municipalityNumber, measure.reference, measure.actionPlan.budgetYear),
          body: { ...body, version },
        }
      : { method: "POST", path: apiPaths.measures(municipalityNumber, plan.id), body },
  );
  const conflict = save.error instanceof ApiError && save.error.status === 409 && measure;
  const focusArea = tree.focusAreas.find((fa) => fa.id === form.focusAreaId);
  // Functional update: the editor calls back from its own closure, which may hold an older `form`.
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const error = (path: string) => fieldError(save.error, path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (costsUnreadable(costs)) {
      setTried(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    save.mutate(
      {
        title: form.title,
        description: form.description,
        focusAreaId: form.focusAreaId || "00000000-0000-0000-0000-000000000000",
        goalIds: form.goalIds,
        objectiveIds: form.objectiveIds.filter((id) => focusArea?.objectives.some((o) => o.id === id)),
        responsibleUnit: form.responsibleUnit,
        contactPerson: form.contactPerson,
        ownerUserId: form.ownerUserId || null,
        partners: form.partners.filter((p) => p.organisationId),
        startYear: Number(form.startYear),
        endYear: Number(form.endYear),
        tags: form.tags
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
        links: form.links.filter((l) => l.url.trim()),
        ...(setup.data && (costsChanged || !measure) ? { costs: costRows(costs, sources, years) } : {}),
      },
      { onSuccess: (result) => void navigate(`/tiltak/${result.reference}${aar}`) },
    );
  };

  return (
    <article className="pv-stack">
      <Heading level={1} data-size="lg">
        {measure ? `${t("measure.edit")} ${measure.reference}` : t("measure.new")}
      </Heading>
      {conflict ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t("conflict.heading")}</Paragraph>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => {
              const current = conflictCurrent<{ version: number }>(save.error);
              if (current) setVersion(current.version);
              save.reset();
            }}
          >
            {t("conflict.retry")}
          </Button>
        </Alert>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      <form className="pv-form pv-form--wide" onSubmit={submit} noValidate ref={formRef}>
        <Textfield
          label={t("measure.title")}
          value={form.title}
          onChange={(e) => set("title", e.target.value)}
          error={error("/title")}
        />
        <Field>
          <Label>{t("measure.focusArea")}</Label>
          <Select
            value={form.focusAreaId}
            onChange={(e) => set("focusAreaId", e.target.value)}
            aria-invalid={Boolean(error("/focusAreaId"))}
          >
            <Select.Option value="">{t("measure.choose")}</Select.Option>
            {tree.focusAreas.map((fa) => (
              <Select.Option key={fa.id} value={fa.id}>
                {fa.title}
              </Select.Option>
            ))}
          </Select>
          {error("/focusAreaId") && (
            <Paragraph data-size="sm" className="pv-field-error">
              {error("/focusAreaId")}
            </Paragraph>
          )}
        </Field>
        <CheckboxList
          legend={t("measure.goals")}
          items={tree.goals}
          chosen={form.goalIds}
          onChange={(ids) => set("goalIds", ids)}
        />
        {focusArea && focusArea.objectives.length > 0 && (
          <CheckboxList
            legend={t("measure.objectives")}
            items={focusArea.objectives}
            chosen={form.objectiveIds}
            onChange={(ids) => set("objectiveIds", ids)}
          />
        )}
        <RichTextField
          label={t("measure.description")}
          description={t("measure.descriptionHint")}
          value={form.description}
          onChange={(html) => set("description", html)}
          error={error("/description")}
        />
        <div className="pv-grid-2">
          <Textfield
            label={t("measure.responsible")}
            value={form.responsibleUnit}
            onChange={(e) => set("responsibleUnit", e.target.value)}
          />
          <Textfield
            label={t("measure.contactPerson")}
            value={form.contactPerson}
            onChange={(e) => set("contactPerson", e.target.value)}
          />
        </div>
        <Field>
          <Label>{t("measure.owner")}</Label>
          <Select value={form.ownerUserId} onChange={(e) => set("ownerUserId", e.target.value)}>
            <Select.Option value="">{t("measure.none")}</Select.Option>
            {(members.data ?? [])
              .filter((m) => canOwnMeasures(m.role) || m.userId === measure?.ownerUserId)
              .map((m) => (
                <Select.Option key={m.userId} value={m.userId}>
                  {m.name} ({t(`role.${m.role}`)})
                </Select.Option>
              ))}
          </Select>
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t("measure.partners")}</Fieldset.Legend>
          {form.partners.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: unsaved rows have no identity but their place
            <div className="pv-row-edit" key={`partner-${i}`}>
              <Field>
                <Label>{t("measure.partner", { n: i + 1 })}</Label>
                <Select
                  value={p.organisationId}
                  onChange={(e) =>
                    set(
                      "partners",
                      form.partners.map((x, j) => (j === i ? { ...x, organisationId: e.target.value } : x)),
                    )
                  }
                >
                  <Select.Option value="">{t("measure.choose")}</Select.Option>
                  {(organisations.data ?? []).map((o) => (
                    <Select.Option key={o.id} value={o.id}>
                      {o.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Field>
                <Label>{t("role.label")}</Label>
                <Select
                  value={p.role}
                  onChange={(e) =>
                    set(
                      "partners",
                      form.partners.map((x, j) =>
                        j === i ? { ...x, role: e.target.value as PartnerRole } : x,
                      ),
                    )
                  }
                >
                  {partnerRoles.map((r) => (
                    <Select.Option key={r} value={r}>
                      {t(`partnerRole.${r}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Button
                type="button"
                variant="tertiary"
                onClick={() =>
                  set(
                    "partners",
                    form.partners.filter((_, j) => j !== i),
                  )
                }
              >
                {t("measure.remove")}
              </Button>
            </div>
          ))}
          {error("/partners") && (
            <Paragraph data-size="sm" className="pv-field-error">
              {error("/partners")}
            </Paragraph>
          )}
          <div>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => set("partners", [...form.partners, { organisationId: "", role: "contributor" }])}
            >
              {t("measure.addPartner")}
            </Button>
          </div>
        </Fieldset>
        <div className="pv-grid-2">
          <Textfield
            label={t("measure.start")}
            type="number"
            value={form.startYear}
            onChange={(e) => set("startYear", e.target.value)}
            error={error("/startYear")}
          />
          <Textfield
            label={t("measure.end")}
            type="number"
            value={form.endYear}
            onChange={(e) => set("endYear", e.target.value)}
            error={error("/endYear")}
          />
        </div>
        {years.length > 0 && (
          <Fieldset className="pv-costs">
            <Fieldset.Legend>{t("financing.heading")}</Fieldset.Legend>
            <Fieldset.Description>{t("financing.intro")}</Fieldset.Description>
            {setup.data ? (
              <CostsTable
                sources={sources}
                years={years}
                value={costs}
                onChange={(value) => {
                  setCosts(value);
                  setCostsChanged(true);
                }}
                showProblems={tried}
                errorFor={(sourceId, year) => {
                  const i = costRows(costs, sources, years).findIndex(
                    (r) => r.fundingSourceId === sourceId && r.year === year,
                  );
                  return i < 0 ? undefined : error(`/costs/${i}`);
                }}
              />
            ) : (
              <QueryState isError={setup.isError} />
            )}
          </Fieldset>
        )}
        <Textfield
          label={t("measure.tags")}
          description={t("measure.tagsHint")}
          value={form.tags}
          onChange={(e) => set("tags", e.target.value)}
          error={error("/tags")}
        />
        <Fieldset>
          <Fieldset.Legend>{t("measure.links")}</Fieldset.Legend>
          {form.links.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: unsaved rows have no identity but their place
            <div className="pv-row-edit" key={`link-${i}`}>
              <Textfield
                label={t("measure.linkTitle")}
                value={l.title}
                onChange={(e) =>
                  set(
                    "links",
                    form.links.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                  )
                }
              />
              <Textfield
                label={t("measure.linkUrl")}
                type="url"
                value={l.url}
                onChange={(e) =>
                  set(
                    "links",
                    form.links.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)),
                  )
                }
                error={error(`/links/${i}`)}
              />
              <Button
                type="button"
                variant="tertiary"
                onClick={() =>
                  set(
                    "links",
                    form.links.filter((_, j) => j !== i),
                  )
                }
              >
                {t("measure.remove")}
              </Button>
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => set("links", [...form.links, { title: "", url: "" }])}
            >
              {t("measure.addLink")}
            </Button>
          </div>
        </Fieldset>
        <div className="pv-actions">
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => void navigate(measure ? `/tiltak/${measure.reference}${aar}` : `/tiltak${aar}`)}
          >
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </article>
  );
}
