/**
 * The clients of `bench/rush.ts`, in a process of their own (forked by it) so that their 10,000 sockets are
 * not the server's. Each client is one account with its own keep-alive TCP connection, opened first by a
 * GET of `/api/config` (no database work, and it proves the server has accepted the connection); on "go"
 * every client writes its POST /api/bookings at once, and each answer's latency is measured from that
 * release moment to the end of its answer.
 *
 * A load generator must not be what is measured: on this 2-core machine it shares the cores with the
 * server and PostgreSQL, and 10,000 answers arriving together wait in its own event loop before it reads
 * them. So, as wrk does, it writes requests built beforehand straight to `net` sockets and reads only the
 * status line, the Content-Length and the small JSON body of each answer, rather than running node:http's
 * client (an Agent, a request object and a parser per answer): 0.4 s of CPU for a rush of 10,000 instead
 * of 1.7 s (docs/PERFORMANCE.md, "Bookings"). The server is unchanged: it still speaks plain HTTP/1.1 to each.
 */
import { connect, type Socket } from 'node:net';

export interface RushJob {
  base: string;
  slotId: string;
  accounts: { cookie: string; csrf: string }[];
}

export interface RushAnswer {
  status: number;
  code: string | null;
  bookingStatus: string | null;
  /** Milliseconds from the release to the end of the answer. */
  ms: number;
}

export type ToClients = { type: 'job'; job: RushJob } | { type: 'go' };
export type FromClients =
  | { type: 'ready'; connected: number; failed: number }
  | { type: 'done'; answers: RushAnswer[]; sentMs: number; cpuMs: number };

interface Reply {
  status: number;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One client's connection: sends a request written beforehand and reads one answer at a time. The
 * server answers with a Content-Length (Fastify does for JSON); a chunked or unframed answer is an error.
 */
class Client {
  private received: Buffer[] = [];
  private size = 0;
  private waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.take(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the server closed the connection')));
  }

  static open(host: string, port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => {
        socket.off('error', reject);
        resolve(new Client(socket));
      });
      socket.once('error', reject);
    });
  }

  send(request: Buffer): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }

  private take(chunk: Buffer): void {
    this.received.push(chunk);
    this.size += chunk.length;
    const all = this.received.length === 1 ? chunk : Buffer.concat(this.received, this.size);
    const headerEnd = all.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = all.toString('latin1', 0, headerEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.fail(new Error(`an answer without Content-Length: ${head.split('\r\n')[0]}`));
    const end = headerEnd + HEADER_END.length + Number(length[1]);
    if (all.length < end) {
      this.received = [all];
      return;
    }
    this.received = [];
    this.size = 0;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({ status: Number(head.slice(9, 12)), body: all.toString('utf8', headerEnd + 4, end) });
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}

/** An HTTP/1.1 request as bytes, ready to write. */
function requestBytes(host: string, method: string, path: string, headers: Record<string, string>, body = ''): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${host}`, 'connection: keep-alive'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body || method !== 'GET') lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** Runs `tasks` at most `width` at a time. */
async function limited<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

let clients: (Client | null)[] = [];
let requests: Buffer[] = [];

process.on('message', (message: ToClients) => {
  if (message.type === 'job') void prepare(message.job);
  else void rush();
});

async function prepare(job: RushJob) {
  const base = new URL(job.base);
  const host = base.host;
  const probe = requestBytes(host, 'GET', '/api/config', {});
  // Opened 100 at a time: a burst of 10,000 connects would overflow the listen backlog (511).
  clients = await limited(
    job.accounts.map(() => async () => {
      try {
        const client = await Client.open(base.hostname, Number(base.port));
        const reply = await client.send(probe);
        return reply.status === 200 ? client : null;
      } catch {
        return null;
      }
    }),
    100,
  );
  const body = JSON.stringify({ slot_id: job.slotId, kind: 'family', adults: 1, children_by_band: {} });
  requests = job.accounts.map((account) =>
    requestBytes(
      host,
      'POST',
      '/api/bookings',
      { 'content-type': 'application/json', cookie: account.cookie, 'x-csrf-token': account.csrf },
      body,
    ),
  );
  const connected = clients.filter(Boolean).length;
  process.send!({ type: 'ready', connected, failed: clients.length - connected } satisfies FromClients);
}

async function rush() {
  const cpuBefore = process.cpuUsage();
  const released = performance.now();
  const pending = clients.map(async (client, i): Promise<RushAnswer> => {
    if (!client) return { status: 0, code: 'NOT_CONNECTED', bookingStatus: null, ms: 0 };
    try {
      const reply = await client.send(requests[i]!);
      const ms = performance.now() - released;
      let parsed: { status?: string; error?: { code?: string } } = {};
      try {
        parsed = JSON.parse(reply.body) as typeof parsed;
      } catch {
        // A non-JSON answer keeps its status only.
      }
      return { status: reply.status, code: parsed.error?.code ?? null, bookingStatus: parsed.status ?? null, ms };
    } catch (error) {
      return { status: 0, code: (error as NodeJS.ErrnoException).code ?? 'NETWORK', bookingStatus: null, ms: 0 };
    }
  });
  const sentMs = performance.now() - released;
  const answers = await Promise.all(pending);
  const cpu = process.cpuUsage(cpuBefore);
  for (const client of clients) client?.close();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.send!({ type: 'done', answers, sentMs, cpuMs } satisfies FromClients, () => process.exit(0));
}
