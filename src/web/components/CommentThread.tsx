import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Tag,
  Textarea,
  useRadioGroup,
} from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { type FormEvent, useState } from "react";
import type { CommentVisibility } from "../../domain/comments.ts";
import type { CommentThreadResponse } from "../../http/routes/proposals.ts";
import { useSend } from "../api.ts";
import { localeFor } from "../i18n/messages.ts";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { type CommentTarget, proposalPaths } from "../proposals-api.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

type Comment = CommentThreadResponse["comments"][number];

const tagColor = { internal: "warning", partners: "info", public: "success" } as const;

/**
 * Comments on a proposal or a measure, replies indented under what they answer. Each comment says
 * who can see it; the writer chooses among the visibilities open to them.
 */
export function CommentThread({
  municipalityNumber,
  target,
  thread,
  heading,
  intro,
  defaultVisibility,
  more,
}: {
  municipalityNumber: string;
  target: CommentTarget;
  thread: CommentThreadResponse;
  heading: string;
  intro?: string;
  defaultVisibility?: CommentVisibility;
  /** Under the comments, before the form: «Vis flere» when the thread is paged. */
  more?: ReactNode;
}) {
  const { p } = useProposalMessages();
  const roots = thread.comments.filter(
    (c) => c.parentId === null || !thread.comments.some((x) => x.id === c.parentId),
  );
  const repliesTo = (id: string) => thread.comments.filter((c) => c.parentId === id);
  const id = `comments-${target.type}`;
  return (
    <section className="pv-stack" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {intro && <Paragraph data-size="sm">{intro}</Paragraph>}
      {roots.length === 0 ? (
        <Paragraph>{p("comments.none")}</Paragraph>
      ) : (
        <ol className="pv-comments" data-testid="comments">
          {roots.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              replies={repliesTo(c.id)}
              municipalityNumber={municipalityNumber}
              target={target}
              visibilities={thread.visibilities}
              defaultVisibility={defaultVisibility}
            />
          ))}
        </ol>
      )}
      {more}
      {thread.visibilities.length > 0 ? (
        <CommentForm
          municipalityNumber={municipalityNumber}
          target={target}
          visibilities={thread.visibilities}
          defaultVisibility={defaultVisibility}
          parentId={null}
          label={p("comments.write")}
        />
      ) : (
        <Paragraph data-size="sm">{p("comments.signIn")}</Paragraph>
      )}
    </section>
  );
}

function CommentItem({
  comment: c,
  replies,
  municipalityNumber,
  target,
  visibilities,
  defaultVisibility,
}: {
  comment: Comment;
  replies: Comment[];
  municipalityNumber: string;
  target: CommentTarget;
  visibilities: CommentVisibility[];
  defaultVisibility?: CommentVisibility;
}) {
  const { p, language } = useProposalMessages();
  const [mode, setMode] = useState<"read" | "reply" | "edit" | "remove">("read");
  const [text, setText] = useState(c.body);
  const date = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "medium", timeStyle: "short" });
  const edit = useSend((body: object) => ({
    method: "PATCH",
    path: proposalPaths.comment(municipalityNumber, c.id),
    body,
  }));
  const remove = useSend((body: object) => ({
    method: "POST",
    path: `${proposalPaths.comment(municipalityNumber, c.id)}/removal`,
    body,
  }));
  const [reason, setReason] = useState("");
  return (
    <li
      className={c.visibility === "internal" ? "pv-comment pv-comment--internal" : "pv-comment"}
      data-testid="comment"
    >
      <div className="pv-comment__meta">
        <strong>{c.author.name}</strong>
        {c.author.organisation && <span>, {c.author.organisation}</span>}
        <span> · {date.format(new Date(c.createdAt))}</span>
        {c.editedAt && <span> · {p("comments.edited")}</span>}{" "}
        <Tag data-size="sm" data-color={tagColor[c.visibility]}>
          {c.visibility === "internal" ? p("comments.internalNote") : p(`comments.tag.${c.visibility}`)}
        </Tag>
      </div>
      {c.removed ? (
        <Paragraph data-size="sm">
          <em>
            {p("comments.removed", { date: date.format(new Date(c.removed.at)), reason: c.removed.reason })}
          </em>
        </Paragraph>
      ) : mode === "edit" ? (
        <form
          className="pv-stack"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            edit.mutate({ version: c.version, body: text }, { onSuccess: () => setMode("read") });
          }}
        >
          <Textarea
            aria-label={p("comments.body")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
          />
          <Paragraph data-size="xs">{p("comments.editHint")}</Paragraph>
          <ErrorMessage error={edit.error} />
          <div className="pv-actions">
            <Button type="submit" data-size="sm" loading={edit.isPending}>
              {p("comments.save")}
            </Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setMode("read")}>
              {p("comments.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph className="pv-comment__body">{c.body}</Paragraph>
      )}
      {!c.removed && mode === "read" && (
        <div className="pv-actions">
          {visibilities.length > 0 && c.parentId === null && (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode("reply")}>
              {p("comments.reply")}
            </Button>
          )}
          {c.canEdit && (
            <Button variant="tertiary" data-size="sm" onClick={() => setMode("edit")}>
              {p("comments.edit")}
            </Button>
          )}
          {c.canRemove && (
            <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => setMode("remove")}>
              {p("comments.remove")}
            </Button>
          )}
        </div>
      )}
      {mode === "remove" && (
        <form
          className="pv-stack"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            remove.mutate({ reason }, { onSuccess: () => setMode("read") });
          }}
        >
          <Textarea
            aria-label={p("comments.removeReason")}
            placeholder={p("comments.removeReason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
          />
          <ErrorMessage error={remove.error} />
          <div className="pv-actions">
            <Button type="submit" data-size="sm" data-color="danger" loading={remove.isPending}>
              {p("comments.confirmRemove")}
            </Button>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setMode("read")}>
              {p("comments.cancel")}
            </Button>
          </div>
        </form>
      )}
      {(replies.length > 0 || mode === "reply") && (
        <ol className="pv-comments pv-comments--replies">
          {replies.map((r) => (
            <CommentItem
              key={r.id}
              comment={r}
              replies={[]}
              municipalityNumber={municipalityNumber}
              target={target}
              visibilities={visibilities}
              defaultVisibility={defaultVisibility}
            />
          ))}
          {mode === "reply" && (
            <li className="pv-comment">
              <CommentForm
                municipalityNumber={municipalityNumber}
                target={target}
                visibilities={visibilities}
                defaultVisibility={
                  c.visibility === "internal" ? "internal" : (defaultVisibility ?? c.visibility)
                }
                parentId={c.id}
                label={p("comments.replyTo", { name: c.author.name })}
                onDone={() => setMode("read")}
              />
            </li>
          )}
        </ol>
      )}
    </li>
  );
}

function CommentForm({
  municipalityNumber,
  target,
  visibilities,
  defaultVisibility,
  parentId,
  label,
  onDone,
}: {
  municipalityNumber: string;
  target: CommentTarget;
  visibilities: CommentVisibility[];
  defaultVisibility?: CommentVisibility;
  parentId: string | null;
  label: string;
  onDone?: () => void;
}) {
  const { p } = useProposalMessages();
  const [body, setBody] = useState("");
  // What one writes reaches the partners unless one chooses an internal note.
  const initial =
    defaultVisibility && visibilities.includes(defaultVisibility)
      ? defaultVisibility
      : visibilities.includes("partners")
        ? "partners"
        : visibilities[0];
  const { getRadioProps, value, setValue } = useRadioGroup({
    name: `visibility-${parentId ?? "new"}`,
    value: initial,
  });
  const post = useSend((input: object) => ({
    method: "POST",
    path: proposalPaths.postComment(municipalityNumber),
    body: input,
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate(
      { target, parentId, visibility: value, body },
      {
        onSuccess: () => {
          setBody("");
          // The next comment starts from the default again: an internal note is chosen each time.
          if (initial) setValue(initial);
          onDone?.();
        },
      },
    );
  };
  return (
    <form
      className={value === "internal" ? "pv-stack pv-comment-form--internal" : "pv-stack"}
      onSubmit={submit}
      noValidate
    >
      <Field>
        <Label>{label}</Label>
        <Textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} />
      </Field>
      {visibilities.length > 1 && (
        <Fieldset data-size="sm">
          <Fieldset.Legend>{p("comments.visibility")}</Fieldset.Legend>
          {visibilities.map((v) => (
            <Radio key={v} label={p(`comments.visibility.${v}`)} {...getRadioProps(v)} />
          ))}
        </Fieldset>
      )}
      {value === "internal" && visibilities.length > 1 && (
        <Paragraph data-size="sm" className="pv-internal-note" data-testid="internal-note-warning">
          {p("comments.internalNote")}
        </Paragraph>
      )}
      <ErrorMessage error={post.error} />
      <div className="pv-actions">
        <Button type="submit" data-size="sm" loading={post.isPending}>
          {parentId ? p("comments.sendReply") : p("comments.send")}
        </Button>
        {onDone && (
          <Button type="button" variant="tertiary" data-size="sm" onClick={onDone}>
            {p("comments.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
