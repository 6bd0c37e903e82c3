import nodemailer from "nodemailer";
import type { BaseLogger } from "pino";
import type { Config } from "../config.ts";

export type MailMessage = { to: string; subject: string; text: string };

/** Runs SQL on a connection the caller chose, e.g. inside its open transaction. */
export type SqlExecutor = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/** Sends e-mail; `send` answers whether the message was handed to the SMTP server, and never throws. */
export type Mailer = {
  send: (message: MailMessage, meta?: { requestId?: string }) => Promise<boolean>;
  close: () => void;
  /**
   * With background jobs running (`npm start`): puts the message in the outbox inside the caller's
   * transaction, to be sent by a worker with retries once the transaction commits. Without it (tests,
   * tools) the caller sends with `send` after its commit.
   */
  queue?: (executor: SqlExecutor, message: MailMessage, meta?: { requestId?: string }) => Promise<void>;
};

// nodemailer waits up to two minutes for a connection and ten for a quiet socket; mail is sent while
// the person who invites waits for the answer, so give up sooner. The SMTP URL may still override them.
const timeoutDefaults = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "20000" };

/**
 * E-mail through the SMTP server of `config.smtp` (nodemailer). Without it nothing is sent, and the
 * log says so, so a missing configuration is visible rather than silent. Failures are logged, not
 * thrown: the caller decides what a message that did not go out means.
 */
export function createMailer(smtp: Config["smtp"], log: Pick<BaseLogger, "info" | "warn">): Mailer {
  if (!smtp) {
    return {
      send: async (message, meta) => {
        // Only the subject and recipient: the body may carry a one-time link.
        log.info(
          { to: message.to, subject: message.subject, reqId: meta?.requestId },
          "e-mail not sent: SMTP is not configured (set SMTP_URL)",
        );
        return false;
      },
      close: () => undefined,
    };
  }
  const url = new URL(smtp.url);
  for (const [key, value] of Object.entries(timeoutDefaults)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  const transport = nodemailer.createTransport(url.toString());
  return {
    send: async (message, meta) => {
      try {
        await transport.sendMail({ from: smtp.from, ...message });
        log.info({ to: message.to, subject: message.subject, reqId: meta?.requestId }, "e-mail sent");
        return true;
      } catch (err) {
        log.warn({ err, to: message.to, reqId: meta?.requestId }, "e-mail could not be sent");
        return false;
      }
    },
    close: () => transport.close(),
  };
}
