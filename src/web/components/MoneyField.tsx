import { Textfield } from "@digdir/designsystemet-react";
import { type CSSProperties, useEffect, useRef, useState } from "react";
import { parseKroner } from "../../domain/kroner-input.ts";
import { formatNok, sumNok } from "../../domain/money.ts";
import { useMoneyMessages } from "../i18n/money-messages.ts";

/** The whole kroner in a money field: a number, null when empty, undefined when it cannot be read. */
export function kronerOf(typed: string | undefined): number | null | undefined {
  const read = parseKroner(typed ?? "");
  return read.kind === "amount" ? read.amount : read.kind === "empty" ? null : undefined;
}

/** Whether any of the typed amounts cannot be read (the form then shows the field errors, sends nothing). */
export function anyUnreadable(typed: Iterable<string | undefined>): boolean {
  for (const t of typed) if (kronerOf(t) === undefined) return true;
  return false;
}

/** The sum of typed amounts (empty counts 0), or undefined when one of them cannot be read. */
export function sumTyped(typed: Iterable<string | undefined>): number | undefined {
  const amounts: number[] = [];
  for (const t of typed) {
    const n = kronerOf(t);
    if (n === undefined) return undefined;
    amounts.push(n ?? 0);
  }
  return sumNok(amounts);
}

/**
 * A stored amount as the field shows it: «200 000» (no-break spaces), empty for none. Always written
 * the Norwegian way, whatever the interface language, since that is how the field reads it back.
 */
export function typedKroner(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? "" : formatNok(amount, "nb-NO").replace(/\u00a0kr$/, "");
}

/** After a failed submit: move focus to the first field the person must fix. */
export function focusFirstInvalid(form: HTMLElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * A money input that reads amounts as people type them (src/domain/kroner-input.ts). What cannot be
 * read is marked on the field (aria-invalid and a message saying how to write it) once the person
 * pauses or leaves the field, or when `showProblem` (the form tried to save); leaving the field
 * writes a readable amount back in the app's style («1,5 mill.» → «1 500 000»). `error` is the
 * server's refusal for this field.
 */
export function MoneyField({
  label,
  ariaLabel,
  description,
  value,
  onChange,
  error,
  showProblem = false,
  size,
  style,
  testId,
}: {
  label?: string;
  ariaLabel?: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  showProblem?: boolean;
  size?: "sm" | "md";
  style?: CSSProperties;
  testId?: string;
}) {
  const { problem } = useMoneyMessages();
  const [settled, setSettled] = useState(true);
  // A pause in typing counts as done: the message appears without leaving the field.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const read = parseKroner(value);
  const [left, setLeft] = useState(false);
  const shown =
    read.kind === "problem" && (showProblem || settled || left) ? problem(read.problem) : undefined;
  return (
    <Textfield
      {...(label ? { label } : { "aria-label": ariaLabel ?? "" })}
      description={description}
      inputMode="text"
      autoComplete="off"
      data-size={size}
      data-testid={testId}
      style={style}
      value={value}
      onChange={(e) => {
        setLeft(false);
        setSettled(false);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setSettled(true), 700);
        onChange(e.target.value);
      }}
      onBlur={() => {
        setLeft(true);
        if (read.kind === "amount") {
          const formatted = typedKroner(read.amount);
          if (formatted !== value) onChange(formatted);
        }
      }}
      error={shown ?? error}
    />
  );
}
