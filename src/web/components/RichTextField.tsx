import { Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { lazy, Suspense, useId } from "react";
import { useRichTextMessages } from "../i18n/rich-text-messages.ts";

// The editor (Tiptap and ProseMirror) is its own chunk, fetched only when a rich-text field is shown.
const RichTextEditor = lazy(() => import("./RichTextEditor.tsx"));

/**
 * A rich-text field in a form: a visible label, a hint, the editor with its toolbar, and the
 * server's refusal under it. The value is HTML that the server sanitises on save; the person never
 * writes HTML. It works with the form's own submit: the value is in the form's state like any field.
 */
export function RichTextField({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (html: string) => void;
  error?: string;
}) {
  const { r } = useRichTextMessages();
  const id = useId();
  const labelId = `${id}-label`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="pv-editor ds-field" data-invalid={error ? "true" : undefined}>
      {/* A label for a contenteditable is named by aria-labelledby; a click on it focuses the editor. */}
      <Label
        id={labelId}
        onClick={(e) =>
          (e.currentTarget.parentElement?.querySelector(".ProseMirror") as HTMLElement | null)?.focus()
        }
      >
        {label}
      </Label>
      {description && (
        <Paragraph data-size="sm" id={descriptionId} className="pv-editor__hint">
          {description}
        </Paragraph>
      )}
      <div className="pv-editor__frame">
        <Suspense
          fallback={<div className="pv-editor__content pv-editor__content--loading">{r("rte.loading")}</div>}
        >
          <RichTextEditor
            value={value}
            onChange={onChange}
            labelId={labelId}
            describedBy={describedBy}
            invalid={Boolean(error)}
          />
        </Suspense>
      </div>
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </div>
  );
}
