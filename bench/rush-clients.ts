/**
 * The clients of `bench/rush.ts`, in a process of their own (forked by it) so that their 10,000 sockets and
 * their CPU are not the server's. Each client is one account with its own keep-alive connection
 * (a node:http Agent with one socket per client). The connections are opened first, each by a GET of
 * `/api/config` (no database work); on "go" every client sends its POST /api/bookings at once, and
 * each answer's latency is measured from that release moment.
 */
import { Agent, request } from 'node:http';

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
  { type: 'ready'; connected: number; failed: number } | { type: 'done'; answers: RushAnswer[]; sentMs: number };

interface Reply {
  status: number;
  body: string;
}

function send(agent: Agent, base: URL, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path, method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
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

let job: RushJob | undefined;
let agents: Agent[] = [];

process.on('message', (message: ToClients) => {
  if (message.type === 'job') void prepare(message.job);
  else void rush();
});

async function prepare(received: RushJob) {
  job = received;
  const base = new URL(job.base);
  agents = job.accounts.map(() => new Agent({ keepAlive: true, maxSockets: 1, keepAliveMsecs: 60_000 }));
  // Opened 100 at a time: a burst of 10,000 connects would overflow the listen backlog (511).
  const opened = await limited(
    agents.map((agent) => () => send(agent, base, 'GET', '/api/config', {}).then((r) => r.status === 200)),
    100,
  );
  const connected = opened.filter(Boolean).length;
  process.send!({ type: 'ready', connected, failed: opened.length - connected } satisfies FromClients);
}

async function rush() {
  const { base, slotId, accounts } = job!;
  const url = new URL(base);
  const body = JSON.stringify({ slot_id: slotId, kind: 'family', adults: 1, children_by_band: {} });
  const released = performance.now();
  const pending = accounts.map(async (account, i): Promise<RushAnswer> => {
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      cookie: account.cookie,
      'x-csrf-token': account.csrf,
    };
    try {
      const reply = await send(agents[i]!, url, 'POST', '/api/bookings', headers, body);
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
  for (const agent of agents) agent.destroy();
  process.send!({ type: 'done', answers, sentMs } satisfies FromClients, () => process.exit(0));
}
