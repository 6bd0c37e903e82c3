import type { ReactNode } from "react";
import type { PublicTranslate } from "../../../web/i18n/public-messages.ts";

/**
 * A table that may be wider than a phone: it scrolls inside its own container (never the page),
 * the container is named and focusable so keyboard users can scroll it, and on narrow screens a
 * visible line says that it scrolls.
 */
export function ScrollTable({
  t,
  label,
  children,
}: {
  t: PublicTranslate;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="table-block">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls sideways, and keyboard users must be able to scroll it */}
      <section className="table-scroll" aria-label={label} tabIndex={0}>
        {children}
      </section>
      <p className="scroll-hint" aria-hidden="true">
        {t("table.scrollHint")}
      </p>
    </div>
  );
}

/** A table caption that stays in view while its table scrolls sideways. */
export function Caption({ children }: { children: ReactNode }) {
  return (
    <caption>
      <span className="caption-text">{children}</span>
    </caption>
  );
}
