import { Button, Heading, Paragraph, Search, Table, Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiPaths, browserFetchJson, useSend, useSession } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useJobMessages } from "../i18n/job-messages.ts";
import { useLanguage } from "../i18n/language.tsx";

type Municipality = { number: string; name: string; county: string | null; active: boolean };

/** Installation admins activate the municipalities that use this installation. */
export function SystemPage() {
  const { t } = useLanguage();
  const { j } = useJobMessages();
  const user = useSession().data?.user;
  const [search, setSearch] = useState("");
  const all = useQuery({
    queryKey: [apiPaths.allMunicipalities()],
    queryFn: () => browserFetchJson(apiPaths.allMunicipalities()) as Promise<Municipality[]>,
    enabled: Boolean(user?.isSystemAdmin),
  });
  const toggle = useSend((m: Municipality) => ({
    method: "PATCH",
    path: apiPaths.adminMunicipality(m.number),
    body: { active: !m.active },
  }));
  if (!user?.isSystemAdmin) return <Paragraph>{t("admin.noAccess")}</Paragraph>;
  const needle = search.trim().toLowerCase();
  const rows = (all.data ?? [])
    .filter(
      (m) =>
        !needle ||
        m.name.toLowerCase().includes(needle) ||
        m.number.startsWith(needle) ||
        m.county?.toLowerCase().includes(needle),
    )
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, "nb"));
  return (
    <article className="pv-stack">
      <Heading level={1} data-size="lg">
        {t("system.heading")}
      </Heading>
      <Paragraph>{t("system.intro")}</Paragraph>
      <Paragraph data-size="sm">
        <AppLink to="/drift/jobber">{j("nav.jobs")}</AppLink>
      </Paragraph>
      <Search>
        <Search.Input
          aria-label={t("system.searchLabel")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Search.Clear onClick={() => setSearch("")} />
      </Search>
      <ErrorMessage error={toggle.error} />
      {!all.data ? (
        <QueryState isError={all.isError} />
      ) : (
        <div className="pv-table-scroll">
          <Table data-size="sm" zebra data-testid="municipality-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("system.number")}</Table.HeaderCell>
                <Table.HeaderCell>{t("system.municipality")}</Table.HeaderCell>
                <Table.HeaderCell>{t("system.county")}</Table.HeaderCell>
                <Table.HeaderCell>{t("system.active")}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="pv-visually-hidden">{t("system.activate")}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.slice(0, 60).map((m) => (
                <Table.Row key={m.number}>
                  <Table.Cell>{m.number}</Table.Cell>
                  <Table.Cell>{m.name}</Table.Cell>
                  <Table.Cell>{m.county}</Table.Cell>
                  <Table.Cell>
                    {m.active ? (
                      <Tag data-color="success" data-size="sm">
                        {t("common.yes")}
                      </Tag>
                    ) : (
                      t("common.no")
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="secondary"
                      data-size="sm"
                      onClick={() => toggle.mutate(m)}
                      aria-label={`${m.active ? t("system.deactivate") : t("system.activate")} ${m.name}`}
                    >
                      {m.active ? t("system.deactivate") : t("system.activate")}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </article>
  );
}
