import { Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { useSend } from "../../api.ts";
import { QueryState } from "../../components/QueryState.tsx";
import { cyclePaths, usePlanCycles } from "../../cycle-api.ts";
import { useCycleMessages } from "../../i18n/cycle-messages.ts";
import { useLanguage } from "../../i18n/language.tsx";
import { CycleView, type RollResult } from "./CycleView.tsx";

/** /arshjul: the yearly rolling of the plan, one cycle (budget year) at a time. */
export function CyclePage() {
  const { t } = useLanguage();
  const { c } = useCycleMessages();
  const { municipality, tree, planId, cycles } = usePlanCycles();
  const [params, setParams] = useSearchParams();
  // Rolling makes a new cycle and shows it; the page keeps the result, since the old cycle's view goes.
  const roll = useSend<string, RollResult>((cycleId) => ({
    method: "POST",
    path: cyclePaths.cycleAction(municipality?.number ?? "", cycleId, "roll"),
  }));
  const rolledYear = roll.data?.budgetYear;
  useEffect(() => {
    if (rolledYear) setParams({ aar: String(rolledYear) }, { replace: true });
  }, [rolledYear, setParams]);
  if (!tree.data || !municipality) return <QueryState isError={tree.isError} />;
  if (!planId) return <Paragraph>{t("plan.none")}</Paragraph>;

  const list = cycles.data ?? [];
  const wanted = Number(params.get("aar"));
  const selected = list.find((x) => x.budgetYear === wanted) ?? list[0];
  const choose = (year: string) => {
    roll.reset();
    setParams(year ? { aar: year } : {}, { replace: true });
  };

  return (
    <article className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {c("cycle.heading")}
        </Heading>
        <Paragraph>{c("cycle.intro")}</Paragraph>
        {list.length > 1 && selected && (
          <Field style={{ maxWidth: "30rem" }}>
            <Label>{c("cycle.select")}</Label>
            <Select value={String(selected.budgetYear)} onChange={(e) => choose(e.target.value)}>
              {list.map((x) => (
                <Select.Option key={x.id} value={String(x.budgetYear)}>
                  {c("cycle.option", { year: x.budgetYear, start: x.startYear, end: x.endYear })}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
      </header>
      {!cycles.data ? (
        <QueryState isError={cycles.isError} />
      ) : !selected ? (
        <Paragraph>{c("cycle.none")}</Paragraph>
      ) : (
        <CycleView
          key={selected.id}
          municipalityNumber={municipality.number}
          planId={planId}
          cycle={selected}
          all={list}
          rolled={roll.data?.cycleId === selected.id ? roll.data : null}
          roll={roll}
        />
      )}
    </article>
  );
}
