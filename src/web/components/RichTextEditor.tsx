import { Button, Textfield } from "@digdir/designsystemet-react";
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { cleanPastedHtml } from "../../domain/rich-text-paste.ts";
import { useRichTextMessages } from "../i18n/rich-text-messages.ts";

/** Links the sanitiser keeps (src/domain/rich-text.ts): http(s) and mailto only. */
const allowedLink = (url: string) => /^(https?:\/\/|mailto:)\S+$/i.test(url.trim());

/** The editable area is a labelled multi-line textbox, described by the field's hint and error. */
function attributesFor(labelId: string, describedBy: string | undefined, invalid: boolean) {
  return {
    role: "textbox",
    "aria-multiline": "true",
    "aria-labelledby": labelId,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    "aria-invalid": String(invalid),
    class: "pv-editor__content",
    "data-testid": "rich-text-editor",
  };
}

/** A chain link, drawn (an emoji would depend on the fonts the machine has). */
const linkIcon = (
  <svg
    className="pv-editor__icon"
    aria-hidden="true"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
  >
    <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
    <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
  </svg>
);

export type RichTextEditorProps = {
  value: string;
  onChange: (html: string) => void;
  labelId: string;
  describedBy: string | undefined;
  invalid: boolean;
};

/**
 * The rich-text editor (Tiptap on ProseMirror), in a chunk of its own: loaded only where a rich-text
 * field is shown (RichTextField). It writes exactly what the server's allowlist keeps: paragraphs,
 * h3/h4 headings, bulleted and numbered lists, bold, italic and http(s)/mailto links. Pasted HTML
 * is cleaned of Word's markup first (src/domain/rich-text-paste.ts); the schema drops the rest.
 */
export default function RichTextEditor({
  value,
  onChange,
  labelId,
  describedBy,
  invalid,
}: RichTextEditorProps) {
  // The link form: null when closed, else the address being written. Ctrl/Cmd+K opens it.
  const [linking, setLinking] = useState<string | null>(null);
  const current = useRef<Editor | null>(null);
  const openLink = () =>
    setLinking((current.current?.getAttributes("link").href as string | undefined) ?? "https://");
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [3, 4] },
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          protocols: ["http", "https", "mailto"],
          isAllowedUri: (url) => allowedLink(url),
          HTMLAttributes: { target: null, rel: null, class: null },
        },
      }),
    ],
    content: value,
    editorProps: {
      attributes: attributesFor(labelId, describedBy, invalid),
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view, event) => {
        if (!((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k")) return false;
        event.preventDefault();
        openLink();
        return true;
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? "" : e.getHTML()),
  });
  current.current = editor;
  // The field's description and error change after the editor is made (a refused save).
  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: attributesFor(labelId, describedBy, invalid),
      },
    });
  }, [editor, labelId, describedBy, invalid]);
  if (!editor) return <div className="pv-editor__content pv-editor__content--loading" />;
  return (
    <>
      <Toolbar editor={editor} linking={linking} setLinking={setLinking} openLink={openLink} />
      <EditorContent editor={editor} />
    </>
  );
}

function Toolbar({
  editor,
  linking,
  setLinking,
  openLink: open,
}: {
  editor: Editor;
  linking: string | null;
  setLinking: (value: string | null) => void;
  openLink: () => void;
}) {
  const { r } = useRichTextMessages();
  const [linkError, setLinkError] = useState<string | undefined>();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
    }),
  });
  const openLink = () => {
    setLinkError(undefined);
    open();
  };
  const applyLink = () => {
    const url = (linking ?? "").trim();
    if (!allowedLink(url)) {
      setLinkError(r("rte.linkBad"));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !state.link)
      chain.insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).run();
    else chain.setLink({ href: url }).run();
    setLinking(null);
  };
  const buttons = [
    {
      key: "h3",
      label: r("rte.heading"),
      text: "H",
      keys: "Control+Alt+3",
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      key: "h4",
      label: r("rte.subheading"),
      text: "H",
      keys: "Control+Alt+4",
      run: () => editor.chain().focus().toggleHeading({ level: 4 }).run(),
    },
    {
      key: "bold",
      label: r("rte.bold"),
      text: "B",
      keys: "Control+B",
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: "italic",
      label: r("rte.italic"),
      text: "I",
      keys: "Control+I",
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      key: "bulletList",
      label: r("rte.bulletList"),
      text: "•",
      keys: "Control+Shift+8",
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: "orderedList",
      label: r("rte.orderedList"),
      text: "1.",
      keys: "Control+Shift+7",
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    { key: "link", label: r("rte.link"), text: linkIcon, keys: "Control+K", run: openLink },
  ] as const;
  // Arrow keys move between the buttons, as in any toolbar.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const all = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    all[(at + (event.key === "ArrowRight" ? 1 : all.length - 1)) % all.length]?.focus();
  };
  return (
    <>
      <div className="pv-editor__toolbar" role="toolbar" aria-label={r("rte.toolbar")} onKeyDown={onKeyDown}>
        {buttons.map((b) => (
          <button
            key={b.key}
            type="button"
            className={`pv-editor__button pv-editor__button--${b.key}`}
            aria-pressed={state[b.key]}
            aria-label={b.label}
            aria-keyshortcuts={b.keys}
            title={`${b.label} (${b.keys.replace("Control", "Ctrl")})`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={b.run}
          >
            <span aria-hidden="true">{b.text}</span>
          </button>
        ))}
      </div>
      {linking !== null && (
        <div className="pv-editor__link">
          <Textfield
            label={r("rte.linkUrl")}
            description={r("rte.linkHint")}
            data-size="sm"
            type="url"
            value={linking}
            autoFocus
            onChange={(e) => setLinking(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              }
              if (e.key === "Escape") {
                setLinking(null);
                editor.commands.focus();
              }
            }}
            error={linkError}
          />
          <div className="pv-actions">
            <Button type="button" data-size="sm" variant="secondary" onClick={applyLink}>
              {r("rte.linkAdd")}
            </Button>
            {state.link && (
              <Button
                type="button"
                data-size="sm"
                variant="tertiary"
                onClick={() => {
                  editor.chain().focus().extendMarkRange("link").unsetLink().run();
                  setLinking(null);
                }}
              >
                {r("rte.linkRemove")}
              </Button>
            )}
            <Button
              type="button"
              data-size="sm"
              variant="tertiary"
              onClick={() => {
                setLinking(null);
                editor.commands.focus();
              }}
            >
              {r("rte.cancel")}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
