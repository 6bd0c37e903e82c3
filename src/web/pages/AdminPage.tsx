import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import type { MemberResponse } from "../../http/routes/admin.ts";
import {
  apiPaths,
  useAuditTrail,
  useCurrentMunicipality,
  useMembers,
  useOrganisations,
  useSend,
} from "../api.ts";
import { AuditList } from "../components/AuditList.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { InvitePanel } from "../components/InvitePanel.tsx";
import { LoadMore } from "../components/LoadMore.tsx";
import { OrganisationOptions, RoleOptions } from "../components/MemberOptions.tsx";
import { PublicSettingsPanel } from "../components/PublicSettingsPanel.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useLanguage } from "../i18n/language.tsx";

const roleOptions = ["admin", "planner", "measure_owner", "partner", "viewer"] as const;

export function AdminPage() {
  const { t } = useLanguage();
  const municipality = useCurrentMunicipality().data;
  if (!municipality) return <QueryState isError={false} />;
  if (municipality.role !== "admin" && municipality.role !== "planner")
    return <Paragraph>{t("admin.noAccess")}</Paragraph>;
  return (
    <article className="pv-stack pv-stack--loose">
      <Heading level={1} data-size="lg">
        {t("admin.heading")} – {municipality.name}
      </Heading>
      <Members municipalityNumber={municipality.number} canChangeRoles={municipality.role === "admin"} />
      <InvitePanel municipalityNumber={municipality.number} inviterRole={municipality.role} />
      {municipality.role === "admin" && <PublicSettingsPanel municipalityNumber={municipality.number} />}
      {municipality.role === "admin" && <AuditTrail municipalityNumber={municipality.number} />}
    </article>
  );
}

function Members({
  municipalityNumber,
  canChangeRoles,
}: {
  municipalityNumber: string;
  canChangeRoles: boolean;
}) {
  const { t } = useLanguage();
  const members = useMembers(municipalityNumber);
  const organisations = useOrganisations(municipalityNumber);
  const change = useSend(
    (input: { member: MemberResponse; role: MemberResponse["role"]; organisationId?: string | null }) => ({
      method: "PATCH",
      path: apiPaths.member(municipalityNumber, input.member.membershipId),
      body: { version: input.member.version, role: input.role, organisationId: input.organisationId },
    }),
  );
  return (
    <section className="pv-stack" aria-labelledby="members-heading">
      <Heading level={2} data-size="md" id="members-heading">
        {t("admin.members")}
      </Heading>
      <ErrorMessage error={change.error} />
      {!members.data ? (
        <QueryState isError={members.isError} />
      ) : (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra data-testid="members-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("admin.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("admin.email")}</Table.HeaderCell>
                <Table.HeaderCell>{t("role.label")}</Table.HeaderCell>
                <Table.HeaderCell>{t("invite.organisation")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.data.map((member) => (
                <Table.Row key={member.membershipId}>
                  <Table.Cell>{member.name}</Table.Cell>
                  <Table.Cell>{member.email}</Table.Cell>
                  <Table.Cell>
                    {canChangeRoles ? (
                      <Field>
                        <Label className="pv-visually-hidden">
                          {t("admin.changeRole", { name: member.name })}
                        </Label>
                        <Select
                          data-size="sm"
                          value={member.role}
                          onChange={(e) =>
                            change.mutate({ member, role: e.target.value as MemberResponse["role"] })
                          }
                        >
                          <RoleOptions roles={roleOptions} />
                        </Select>
                      </Field>
                    ) : (
                      t(`role.${member.role}`)
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {member.role !== "partner" ? (
                      "–"
                    ) : canChangeRoles ? (
                      <Field>
                        <Label className="pv-visually-hidden">
                          {t("admin.changeOrganisation", { name: member.name })}
                        </Label>
                        <Select
                          data-size="sm"
                          value={member.organisation?.id ?? ""}
                          onChange={(e) =>
                            change.mutate({
                              member,
                              role: member.role,
                              organisationId: e.target.value || null,
                            })
                          }
                        >
                          <OrganisationOptions organisations={organisations.data} />
                        </Select>
                      </Field>
                    ) : (
                      (member.organisation?.name ?? "–")
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function AuditTrail({ municipalityNumber }: { municipalityNumber: string }) {
  const { t } = useLanguage();
  const [form, setForm] = useState({ person: "", what: "", from: "", to: "" });
  const [query, setQuery] = useState("");
  const trail = useAuditTrail(municipalityNumber, query);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams(Object.entries(form).filter(([, v]) => v !== ""));
    setQuery(params.toString());
  };
  return (
    <section className="pv-stack" aria-labelledby="audit-heading">
      <Heading level={2} data-size="md" id="audit-heading">
        {t("admin.audit")}
      </Heading>
      <Paragraph>{t("admin.auditIntro")}</Paragraph>
      <form className="pv-filters" onSubmit={apply}>
        <Textfield
          label={t("admin.person")}
          value={form.person}
          onChange={(e) => setForm({ ...form, person: e.target.value })}
        />
        <Textfield
          label={t("audit.what")}
          description={t("audit.whatHelp")}
          value={form.what}
          onChange={(e) => setForm({ ...form, what: e.target.value })}
          data-testid="audit-what"
        />
        <Textfield
          label={t("admin.from")}
          type="date"
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <Textfield
          label={t("admin.to")}
          type="date"
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <Button type="submit" variant="secondary">
          {t("common.filter")}
        </Button>
      </form>
      <Paragraph>
        <Link href={apiPaths.auditCsv(municipalityNumber, query)} download>
          {t("admin.downloadCsv")}
        </Link>
      </Paragraph>
      {trail.data ? (
        <>
          <AuditList events={trail.data} showObject />
          <LoadMore list={trail} />
        </>
      ) : (
        <QueryState isError={trail.isError} />
      )}
    </section>
  );
}
