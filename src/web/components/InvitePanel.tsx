import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { InviteResponse, OpenInvitationsResponse } from "../../http/routes/invitations.ts";
import { apiPaths, browserFetchJson, useOrganisations, useSend } from "../api.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { OrganisationOptions, RoleOptions } from "./MemberOptions.tsx";

const allRoles = ["admin", "planner", "measure_owner", "partner", "viewer"] as const;
type InvitableRole = (typeof allRoles)[number];

/** Admins invite to any role; planners to any role but admin (the permission table says so too). */
export function InvitePanel({
  municipalityNumber,
  inviterRole,
}: {
  municipalityNumber: string;
  inviterRole: string;
}) {
  const { t, language } = useLanguage();
  const roles = inviterRole === "admin" ? allRoles : allRoles.filter((r) => r !== "admin");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitableRole>("viewer");
  const [organisationId, setOrganisationId] = useState("");
  const organisations = useOrganisations(municipalityNumber, role === "partner");
  const path = apiPaths.invitations(municipalityNumber);
  const open = useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<OpenInvitationsResponse>,
  });
  const invite = useSend<
    { email: string; role: InvitableRole; organisationId: string | null },
    InviteResponse
  >((body) => ({
    method: "POST",
    path,
    body,
  }));
  const date = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "medium" });
  const sent = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "medium", timeStyle: "short" });
  const [withdrawing, setWithdrawing] = useState<{ id: string; email: string } | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const withdraw = useSend<string>((id) => ({ method: "DELETE", path: `${path}/${id}` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email, role, organisationId: role === "partner" && organisationId ? organisationId : null },
      { onSuccess: () => setEmail("") },
    );
  };
  return (
    <section className="pv-stack" aria-labelledby="invite-heading">
      <Heading level={2} data-size="md" id="invite-heading">
        {t("invite.heading")}
      </Heading>
      <Paragraph>{t("invite.intro")}</Paragraph>
      <ErrorMessage error={invite.error} />
      {invite.data && (
        <Alert data-color="success" data-testid="invitation-link">
          <Paragraph>{t("invite.created", { email: invite.data.invitation.email })}</Paragraph>
          <Paragraph>
            <code>{invite.data.link}</code>
          </Paragraph>
          <Paragraph data-size="sm">
            {invite.data.emailSent ? t("invite.emailed") : t("invite.notEmailed")}
          </Paragraph>
        </Alert>
      )}
      <form className="pv-filters" onSubmit={submit} noValidate>
        <Textfield
          label={t("invite.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field>
          <Label>{t("role.label")}</Label>
          <Select value={role} onChange={(e) => setRole(e.target.value as InvitableRole)}>
            <RoleOptions roles={roles} />
          </Select>
        </Field>
        {role === "partner" && (
          <Field>
            <Label>{t("invite.organisation")}</Label>
            <Select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              <OrganisationOptions organisations={organisations.data} />
            </Select>
          </Field>
        )}
        <Button type="submit" loading={invite.isPending}>
          {t("invite.submit")}
        </Button>
      </form>
      <Heading level={3} data-size="xs">
        {t("invite.open")}
      </Heading>
      {open.data && open.data.length > 0 ? (
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("admin.email")}</Table.HeaderCell>
              <Table.HeaderCell>{t("role.label")}</Table.HeaderCell>
              <Table.HeaderCell>{t("invite.sent")}</Table.HeaderCell>
              <Table.HeaderCell>{t("invite.invitedBy")}</Table.HeaderCell>
              <Table.HeaderCell>{t("invite.expires")}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="pv-visually-hidden">{t("invite.withdraw")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {open.data.map((i) => (
              <Table.Row key={i.id}>
                <Table.Cell>{i.email}</Table.Cell>
                <Table.Cell>{t(`role.${i.role}`)}</Table.Cell>
                <Table.Cell>{sent.format(new Date(i.createdAt))}</Table.Cell>
                <Table.Cell>{i.invitedByName}</Table.Cell>
                <Table.Cell>{date.format(new Date(i.expiresAt))}</Table.Cell>
                <Table.Cell>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t("invite.withdrawLabel", { email: i.email })}
                    onClick={() => {
                      withdraw.reset();
                      setWithdrawing({ id: i.id, email: i.email });
                    }}
                  >
                    {t("invite.withdraw")}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Paragraph>{t("invite.none")}</Paragraph>
      )}
      {withdrawn && (
        <Alert data-color="success" data-testid="invitation-withdrawn-notice">
          {t("invite.withdrawn", { email: withdrawn })}
        </Alert>
      )}
      <ConfirmDialog
        open={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        heading={t("invite.withdrawHeading", { email: withdrawing?.email ?? "" })}
        consequencesPath={null}
        pending={withdraw.isPending}
        error={<ErrorMessage error={withdraw.error} />}
        onConfirm={() => {
          if (!withdrawing) return;
          const { id, email } = withdrawing;
          withdraw.mutate(id, {
            onSuccess: () => {
              setWithdrawing(null);
              setWithdrawn(email);
              // The link just made no longer works: it is not offered any more.
              if (invite.data?.invitation.id === id) invite.reset();
            },
          });
        }}
        testId="withdraw-invitation-dialog"
      >
        <Paragraph>{t("invite.withdrawBody")}</Paragraph>
      </ConfirmDialog>
    </section>
  );
}
