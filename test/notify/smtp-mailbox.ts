import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
}

export interface SmtpMailboxOptions {
  /** Recipients refused with "550 mailbox unavailable". */
  rejectRecipients?: string[];
  /** Recipients refused with a temporary "452" reply. */
  deferRecipients?: string[];
}

/**
 * A real SMTP server on loopback that keeps what it receives. It can go down and come back on the same
 * port, and messages survive the restart, so a test can drill an outage.
 */
export class SmtpMailbox {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  private port = 0;

  constructor(private readonly options: SmtpMailboxOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.options.rejectRecipients?.includes(address.address)) {
          return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        }
        if (this.options.deferRecipients?.includes(address.address)) {
          return callback(Object.assign(new Error('try again later'), { responseCode: 452 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), parsed });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the port: connections are refused until `start()` is called again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A port on which nothing listens right now. */
  static async closedPortUrl(): Promise<string> {
    const mailbox = new SmtpMailbox();
    await mailbox.start();
    await mailbox.stop();
    return mailbox.url;
  }
}
