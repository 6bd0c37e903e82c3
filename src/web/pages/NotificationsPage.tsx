import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useSend, useSession } from "../api.ts";
import { AppLink } from "../components/AppLink.tsx";
import { LoadMore } from "../components/LoadMore.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { WaitingTasks } from "../components/WaitingTasks.tsx";
import { localeFor } from "../i18n/messages.ts";
import { useProposalMessages } from "../i18n/proposal-messages.ts";
import { proposalPaths, useNotificationPages } from "../proposals-api.ts";

/** /varsler: what waits for the signed-in person; opening one marks it read. */
export function NotificationsPage() {
  const { p, language } = useProposalMessages();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const notifications = useNotificationPages(signedIn);
  const markRead = useSend((ids: string[] | "all") => ({
    method: "POST",
    path: proposalPaths.notificationsRead(),
    body: { ids },
  }));
  if (session.data && !signedIn) return <Paragraph>{p("notifications.signIn")}</Paragraph>;
  if (!notifications.data) return <QueryState isError={notifications.isError} />;
  const date = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "medium", timeStyle: "short" });
  const items = notifications.data.items;
  return (
    <div className="pv-stack pv-stack--loose">
      <header className="pv-stack">
        <Heading level={1} data-size="lg">
          {p("notifications.heading")}
        </Heading>
        <Paragraph>{p("notifications.intro")}</Paragraph>
      </header>
      <WaitingTasks />
      <Heading level={2} data-size="md">
        {p("notifications.events")}
      </Heading>
      {notifications.data.unread > 0 && (
        <div>
          <Button variant="secondary" data-size="sm" onClick={() => markRead.mutate("all")}>
            {p("notifications.markAll")}
          </Button>
        </div>
      )}
      {items.length === 0 ? (
        <Paragraph>{p("notifications.none")}</Paragraph>
      ) : (
        <ul className="pv-comments" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={n.read ? "pv-comment" : "pv-comment pv-unread"}>
              <div className="pv-comment__meta">
                {date.format(new Date(n.createdAt))} · {n.municipality.name}{" "}
                {!n.read && (
                  <Tag data-size="sm" data-color="info">
                    {p("notifications.unread")}
                  </Tag>
                )}
              </div>
              <span onClickCapture={() => !n.read && markRead.mutate([n.id])}>
                <AppLink to={n.link}>{n.title}</AppLink>
              </span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={notifications} testId="notifications-load-more" />
    </div>
  );
}
