import { Checkbox, Fieldset } from "@digdir/designsystemet-react";

/** Items chosen by id with a checkbox each, under a legend: goals, focus areas, objectives. */
export function CheckboxList({
  legend,
  items,
  chosen,
  onChange,
}: {
  legend: string;
  items: { id: string; title: string }[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {items.map((item) => (
        <Checkbox
          key={item.id}
          label={item.title}
          checked={chosen.includes(item.id)}
          onChange={(e) =>
            onChange(e.target.checked ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))
          }
        />
      ))}
    </Fieldset>
  );
}
