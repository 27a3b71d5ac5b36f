/**
 * The API clients of `bench/bookings.ts`, in a process of their own (forked by it) so that the HTTP
 * client's CPU is not charged to the server. On each "round" message, `concurrency` workers, each with its
 * own keep-alive connection, book one place per account (POST /api/bookings) until every account of the
 * round has booked; answers the elapsed milliseconds and the statuses seen.
 */
import { Agent, request } from 'node:http';

export interface BookingRound {
  base: string;
  slotId: string;
  accounts: { cookie: string; csrf: string }[];
  concurrency: number;
}

export type ToBookingClients = { type: 'round'; round: BookingRound };
export interface FromBookingClients {
  type: 'round-done';
  ms: number;
  statuses: Record<string, number>;
}

function post(agent: Agent, base: URL, headers: Record<string, string>, body: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, path: '/api/bookings', method: 'POST', agent, headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runRound({ base, slotId, accounts, concurrency }: BookingRound): Promise<FromBookingClients> {
  const url = new URL(base);
  const body = JSON.stringify({ slot_id: slotId, kind: 'family', adults: 1, children_by_band: {} });
  const statuses: Record<string, number> = {};
  let next = 0;
  const agents = Array.from({ length: concurrency }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const started = performance.now();
  await Promise.all(
    agents.map(async (agent) => {
      while (next < accounts.length) {
        const account = accounts[next++]!;
        const status = await post(
          agent,
          url,
          {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            cookie: account.cookie,
            'x-csrf-token': account.csrf,
          },
          body,
        );
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const ms = performance.now() - started;
  for (const agent of agents) agent.destroy();
  return { type: 'round-done', ms, statuses };
}

process.on('message', (message: ToBookingClients) => {
  void runRound(message.round).then((done) => process.send!(done));
});
