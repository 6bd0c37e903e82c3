import { Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { PlanTreeResponse } from "../../http/routes/plan.ts";
import { apiPaths, sendJson, useCurrentMunicipality, usePlanTree } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useLanguage } from "../i18n/language.tsx";

type Segment = "goals" | "focus-areas" | "objectives";
type Item = { id: string; title: string; version: number };

/** Planners build the plan: goals, focus areas (and which goals they serve), objectives; order and names. */
export function PlanStructurePage() {
  const { t } = useLanguage();
  const municipality = useCurrentMunicipality().data;
  const tree = usePlanTree(municipality?.number);
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  if (!municipality || !tree.data) return <QueryState isError={tree.isError} />;
  const plan = tree.data.plan;
  if (!plan?.allowedActions.includes("update")) return <Paragraph>{t("admin.noAccess")}</Paragraph>;
  const base = `/api/municipalities/${municipality.number}`;

  const run = async (request: () => Promise<unknown>) => {
    setError(null);
    try {
      await request();
      await queryClient.invalidateQueries();
    } catch (caught) {
      setError(caught);
    }
  };
  const add = (path: string, body: object) =>
    run(() => sendJson(queryClient, "POST", `${base}${path}`, body));
  const rename = (segment: Segment, item: Item, title: string) =>
    run(() =>
      sendJson(queryClient, "PATCH", apiPaths.planNode(municipality.number, segment, item.id), {
        version: item.version,
        title,
      }),
    );
  const remove = (segment: Segment, item: Item) =>
    run(() =>
      sendJson(
        queryClient,
        "DELETE",
        `${apiPaths.planNode(municipality.number, segment, item.id)}?version=${item.version}`,
      ),
    );
  const move = (path: string, items: Item[], index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved as string);
    return run(() => sendJson(queryClient, "POST", `${base}${path}/order`, { orderedIds: ids }));
  };
  const setGoals = (focusArea: PlanTreeResponse["focusAreas"][number], goalIds: string[]) =>
    run(() =>
      sendJson(queryClient, "PATCH", apiPaths.planNode(municipality.number, "focus-areas", focusArea.id), {
        version: focusArea.version,
        goalIds,
      }),
    );

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <AppLink to="/">← {plan.title}</AppLink>
        <Heading level={1} data-size="lg">
          {t("structure.heading")}
        </Heading>
        <Paragraph>{t("structure.intro")}</Paragraph>
        <ErrorMessage error={error} />
      </header>

      <section className="pv-stack" aria-labelledby="goals-heading">
        <Heading level={2} data-size="md" id="goals-heading">
          {t("structure.goals")}
        </Heading>
        <NodeList
          items={tree.data.goals}
          onMove={(i, by) => move(`/plans/${plan.id}/goals`, tree.data.goals, i, by)}
          onRename={(item, title) => rename("goals", item, title)}
          onDelete={(item) => remove("goals", item)}
        />
        <AddForm
          label={t("structure.newGoal")}
          onAdd={(title) => add(`/plans/${plan.id}/goals`, { title })}
        />
      </section>

      <section className="pv-stack" aria-labelledby="focus-heading">
        <Heading level={2} data-size="md" id="focus-heading">
          {t("structure.focusAreas")}
        </Heading>
        <NodeList
          items={tree.data.focusAreas}
          onMove={(i, by) => move(`/plans/${plan.id}/focus-areas`, tree.data.focusAreas, i, by)}
          onRename={(item, title) => rename("focus-areas", item, title)}
          onDelete={(item) => remove("focus-areas", item)}
          details={(item) => {
            const focusArea = tree.data.focusAreas.find((f) => f.id === item.id);
            if (!focusArea) return null;
            return (
              <div className="pv-stack" style={{ flexBasis: "100%" }}>
                <Fieldset data-size="sm">
                  <Fieldset.Legend>{t("structure.servesGoals")}</Fieldset.Legend>
                  {tree.data.goals.map((g) => (
                    <Checkbox
                      key={g.id}
                      label={g.title}
                      checked={focusArea.goalIds.includes(g.id)}
                      onChange={(e) =>
                        void setGoals(
                          focusArea,
                          e.target.checked
                            ? [...focusArea.goalIds, g.id]
                            : focusArea.goalIds.filter((id) => id !== g.id),
                        )
                      }
                    />
                  ))}
                </Fieldset>
                <Heading level={3} data-size="2xs">
                  {t("structure.objectives")}
                </Heading>
                <NodeList
                  items={focusArea.objectives}
                  onMove={(i, by) =>
                    move(
                      `/plans/${plan.id}/focus-areas/${focusArea.id}/objectives`,
                      focusArea.objectives,
                      i,
                      by,
                    )
                  }
                  onRename={(o, title) => rename("objectives", o, title)}
                  onDelete={(o) => remove("objectives", o)}
                />
                <AddForm
                  label={`${t("structure.newObjective")} (${focusArea.title})`}
                  onAdd={(title) =>
                    add(`/plans/${plan.id}/focus-areas/${focusArea.id}/objectives`, { title })
                  }
                />
              </div>
            );
          }}
        />
        <AddForm
          label={t("structure.newFocusArea")}
          onAdd={(title) => add(`/plans/${plan.id}/focus-areas`, { title })}
        />
      </section>
    </article>
  );
}

function NodeList({
  items,
  onMove,
  onRename,
  onDelete,
  details,
}: {
  items: Item[];
  onMove: (index: number, by: -1 | 1) => void;
  onRename: (item: Item, title: string) => void;
  onDelete: (item: Item) => void;
  details?: (item: Item) => React.ReactNode;
}) {
  const { t } = useLanguage();
  const [editing, setEditing] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  return (
    <ol className="pv-structure-list">
      {items.map((item, i) => (
        <li key={item.id} className="pv-structure-item">
          {editing === item.id ? (
            <form
              className="pv-row-edit pv-structure-item__title"
              onSubmit={(e) => {
                e.preventDefault();
                onRename(item, title);
                setEditing(null);
              }}
            >
              <Textfield
                label={t("structure.rename", { title: item.title })}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <Button type="submit" data-size="sm">
                {t("common.save")}
              </Button>
            </form>
          ) : (
            <span className="pv-structure-item__title">{item.title}</span>
          )}
          <Button
            variant="tertiary"
            data-size="sm"
            disabled={i === 0}
            onClick={() => onMove(i, -1)}
            aria-label={t("structure.moveUp", { title: item.title })}
          >
            ↑
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            disabled={i === items.length - 1}
            onClick={() => onMove(i, 1)}
            aria-label={t("structure.moveDown", { title: item.title })}
          >
            ↓
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => {
              setEditing(item.id);
              setTitle(item.title);
            }}
            aria-label={t("structure.rename", { title: item.title })}
          >
            {t("common.edit")}
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            data-color="danger"
            onClick={() => onDelete(item)}
            aria-label={t("structure.delete", { title: item.title })}
          >
            {t("measure.remove")}
          </Button>
          {details?.(item)}
        </li>
      ))}
    </ol>
  );
}

function AddForm({ label, onAdd }: { label: string; onAdd: (title: string) => Promise<void> }) {
  const { t } = useLanguage();
  const [title, setTitle] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    await onAdd(title);
    setTitle("");
  };
  return (
    <form className="pv-row-edit" onSubmit={(e) => void submit(e)}>
      <Textfield label={label} value={title} onChange={(e) => setTitle(e.target.value)} />
      <Button type="submit" variant="secondary">
        {t("structure.add")}
      </Button>
    </form>
  );
}
