import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { holdPort, reservePort, type PortHold } from '../support/free-port';

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
 * port, and messages survive the outage, so a test can drill one.
 */
export class SmtpMailbox {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  private port = 0;
  private outage: PortHold | undefined;

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

  /** Goes down: connections are refused until `comeBack()`, and the port is held for it meanwhile. */
  async goDown(): Promise<void> {
    await this.close();
    this.outage = await holdPort(this.port);
  }

  /** Ends an outage, on the same port. */
  async comeBack(): Promise<void> {
    await this.outage?.release();
    this.outage = undefined;
    await this.start();
  }

  async stop(): Promise<void> {
    await this.outage?.release();
    this.outage = undefined;
    await this.close();
  }

  private async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The URL of a port where connections are refused, and stay refused while a test uses it. */
  static async closedPortUrl(): Promise<string> {
    return `smtp://127.0.0.1:${await reservePort(0)}`;
  }
}
