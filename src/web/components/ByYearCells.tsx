import { Table } from "@digdir/designsystemet-react";
import { useRegionMessages } from "../i18n/region-messages.ts";

/** One right-aligned header cell per year of a by-year table. */
export function YearHeaderCells({ years }: { years: readonly number[] }) {
  return (
    <>
      {years.map((year) => (
        <Table.HeaderCell key={year} className="pv-num">
          {year}
        </Table.HeaderCell>
      ))}
    </>
  );
}

/** One right-aligned amount cell per year of a by-year table; `strong` for a total row. */
export function AmountCells({
  byYear,
  strong = false,
}: {
  byYear: readonly { year: number; amountNok: number }[];
  strong?: boolean;
}) {
  const { nok } = useRegionMessages();
  return (
    <>
      {byYear.map((y) => (
        <Table.Cell key={y.year} className="pv-num">
          {strong ? <strong>{nok(y.amountNok)}</strong> : nok(y.amountNok)}
        </Table.Cell>
      ))}
    </>
  );
}
