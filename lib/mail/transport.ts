import "server-only";
import { serverEnv, type EnvSource } from "@/lib/env";
import type { MailMessage } from "@/lib/mail/messages";

/** Sends one message; throws when the server refuses it. Injected in tests. */
export type Transport = (mail: { to: string } & MailMessage) => Promise<void>;

/**
 * The SMTP transport of SMTP_URL (smtp://user:password@host:587, or smtps:// for TLS), sending
 * from MAIL_FROM; null without SMTP_URL: mails are then kept for admins to read (the demo).
 */
export async function smtpTransport(source: EnvSource = process.env): Promise<Transport | null> {
  const env = serverEnv(source);
  if (!env.SMTP_URL) return null;
  const { createTransport } = await import("nodemailer");
  const transporter = createTransport(env.SMTP_URL);
  const from = env.MAIL_FROM || "Offre de formation <ne-pas-repondre@localhost>";
  return async ({ to, subject, text }) => {
    await transporter.sendMail({ from, to, subject, text });
  };
}
