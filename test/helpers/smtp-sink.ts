import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  parsed: ParsedMail;
  /** The raw header lines as sent, by lower-case name. */
  header(name: string): string | undefined;
}

/** A real SMTP server in the test process (smtp-server), keeping every mail it accepts, parsed. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  url = '';
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          for (const recipient of session.envelope.rcptTo) {
            this.mails.push({ to: recipient.address, parsed, header: (name) => parsed.headerLines.find((line) => line.key === name)?.line });
          }
          callback();
        })
        .catch(callback);
    },
  });

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.url = `smtp://127.0.0.1:${(sink.server.server.address() as AddressInfo).port}`;
    return sink;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to === address);
  }

  /** Waits until `address` has received `count` mails (or the time is up), and answers them all. */
  async waitFor(address: string, count: number, withinMs = 5_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + withinMs;
    while (this.to(address).length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return this.to(address);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link in a mail's text to a path of this service, e.g. `/unsubscribe`. */
export function linkIn(mail: ReceivedMail, path: string): string {
  const found = (mail.parsed.text ?? '').split(/\s+/).find((word) => /^https?:\/\//.test(word) && new URL(word).pathname === path);
  if (!found) throw new Error(`no link to ${path} in: ${mail.parsed.text}`);
  return found;
}
