/**
 * @module A local SMTP server for tests (smtp-server on 127.0.0.1, no TLS, no sign-in): it keeps every
 * message it takes, can refuse chosen recipients, answer slowly, tell a test the moment a message has
 * arrived but is not yet answered, or go down and come back.
 */
import { once } from "node:events";
import { SMTPServer } from "smtp-server";

export interface SunkMessage {
  from: string;
  to: string[];
  subject: string;
  /** The decoded text body. */
  text: string;
  /** Every header, names lower-cased, values unfolded (encoded words left as sent). */
  headers: Map<string, string>;
  raw: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for NEWSDESK_SMTP_URL. */
  url: string;
  messages: SunkMessage[];
  /** RCPT TO for this address is answered 550 until allowed again. */
  rejectRecipient(address: string): void;
  allowRecipient(address: string): void;
  /** Each message's DATA is answered only after this many milliseconds. */
  delayMs: number;
  /**
   * Called as each message's data has all arrived, before it is answered: the moment the server has
   * taken a message and its sender does not know yet. The message is kept even if its sender is gone.
   */
  onData: (() => void) | null;
  /** Stops listening: connections are refused, as with a server that is down. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a sink on a free port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const rejected = new Set<string>();
  const messages: SunkMessage[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  const sink: SmtpSink = {
    url: "",
    messages,
    delayMs: 0,
    onData: null,
    rejectRecipient: (a) => void rejected.add(a.toLowerCase()),
    allowRecipient: (a) => void rejected.delete(a.toLowerCase()),
    async down() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async up() {
      if (server) return;
      server = makeServer();
      server.listen(port, "127.0.0.1");
      await once(server.server, "listening");
      const address = server.server.address();
      port = typeof address === "object" && address ? address.port : port;
    },
    close: () => sink.down(),
  };
  const makeServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!rejected.has(address.address.toLowerCase())) return callback();
        callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          const to = session.envelope.rcptTo.map((r) => r.address);
          sink.onData?.();
          setTimeout(() => {
            messages.push({ from, to, ...parseMessage(raw), raw });
            callback();
          }, sink.delayMs);
        });
      },
    });
  await sink.up();
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}

/** Headers and text of a single-part message: enough for what nodemailer sends as plain text. */
export function parseMessage(raw: string): { headers: Map<string, string>; subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, subject: decodeWords(headers.get("subject") ?? ""), text: text.replace(/\r\n/g, "\n") };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const source = Buffer.from(text.replace(/=\r\n/g, ""), "utf8");
  for (let i = 0; i < source.length; i++) {
    const hex = source[i] === 0x3d ? source.subarray(i + 1, i + 3).toString("latin1") : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(source[i] ?? 0);
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words (=?utf-8?Q?...?= and =?utf-8?B?...?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}
