import { Select } from "@digdir/designsystemet-react";
import { useLanguage } from "../i18n/language.tsx";

type MemberRole = "admin" | "planner" | "measure_owner" | "partner" | "viewer";

/** The roles a member may be given, as options of a select. */
export function RoleOptions({ roles }: { roles: readonly MemberRole[] }) {
  const { t } = useLanguage();
  return (
    <>
      {roles.map((role) => (
        <Select.Option key={role} value={role}>
          {t(`role.${role}`)}
        </Select.Option>
      ))}
    </>
  );
}

/** A partner's organisation, as options of a select: none, or one of the municipality's organisations. */
export function OrganisationOptions({
  organisations,
}: {
  organisations: readonly { id: string; name: string }[] | undefined;
}) {
  const { t } = useLanguage();
  return (
    <>
      <Select.Option value="">{t("invite.noOrganisation")}</Select.Option>
      {(organisations ?? []).map((o) => (
        <Select.Option key={o.id} value={o.id}>
          {o.name}
        </Select.Option>
      ))}
    </>
  );
}
