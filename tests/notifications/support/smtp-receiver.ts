import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** One message as the local SMTP server received it. */
export interface ReceivedMail {
  readonly user: string | null;
  readonly mailFrom: string;
  readonly rcptTo: string[];
  /** The raw RFC 5322 message. */
  readonly raw: string;
}

export interface SmtpReceiver {
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** Per recipient, the SMTP code to refuse it with (e.g. 550 permanent, 450 temporary). */
  readonly refuseRecipients: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and an ephemeral port. It
 * requires AUTH with the given credentials; plaintext AUTH is allowed and
 * STARTTLS is off, because the test server has no certificate.
 */
export async function startSmtpReceiver(credentials: { readonly user: string; readonly pass: string }): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const refuseRecipients = new Map<string, number>();
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) return callback(null, { user: auth.username });
      return callback(smtpError('Authentication failed', 535));
    },
    onRcptTo(address, _session, callback) {
      const code = refuseRecipients.get(address.address);
      if (code !== undefined) return callback(smtpError(`Mailbox ${address.address} refused`, code));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          user: typeof session.user === 'string' ? session.user : null,
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const listener = server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
  const { port } = listener.address() as AddressInfo;
  return {
    port,
    mails,
    refuseRecipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(message: string, responseCode: number): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}
