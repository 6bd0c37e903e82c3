import { Paragraph, Table } from "@digdir/designsystemet-react";
import type { AuditEventResponse } from "../../http/routes/plan.ts";
import { auditActionName, auditObjectName } from "../i18n/audit-terms.ts";
import { useLanguage } from "../i18n/language.tsx";
import { localeFor } from "../i18n/messages.ts";

const shown = (value: unknown) =>
  value === null || value === undefined ? "–" : typeof value === "string" ? value : JSON.stringify(value);

/** Audit events as a table: when, who, what changed (field: before → after). */
export function AuditList({
  events,
  showObject = false,
}: {
  events: AuditEventResponse[];
  showObject?: boolean;
}) {
  const { t, language } = useLanguage();
  if (events.length === 0) return <Paragraph>{t("history.empty")}</Paragraph>;
  const time = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="pv-table-scroll">
      <Table data-size="sm" zebra data-testid="audit-list">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("history.when")}</Table.HeaderCell>
            <Table.HeaderCell>{t("history.who")}</Table.HeaderCell>
            {showObject && <Table.HeaderCell>{t("admin.object")}</Table.HeaderCell>}
            <Table.HeaderCell>{t("admin.action")}</Table.HeaderCell>
            <Table.HeaderCell>{t("admin.changes")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell className="pv-nowrap">{time.format(new Date(e.occurredAt))}</Table.Cell>
              <Table.Cell>{e.actor}</Table.Cell>
              {showObject && (
                <Table.Cell>
                  {auditObjectName(language, e.objectType)}: {e.objectLabel}
                </Table.Cell>
              )}
              <Table.Cell>{auditActionName(language, e.action)}</Table.Cell>
              <Table.Cell>
                <ul className="pv-changes">
                  {Object.entries(e.changes).map(([field, change]) => (
                    <li key={field}>
                      {t("history.change", {
                        field,
                        before: shown(change.before),
                        after: shown(change.after),
                      })}
                    </li>
                  ))}
                </ul>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
