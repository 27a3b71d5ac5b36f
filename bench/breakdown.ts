/**
 * Where a request's time goes inside the server, from Fastify's lifecycle hooks on the benchmark's own
 * app instance (nothing in server/ changes): routing and validation, the handler (its SQL included),
 * JSON serialisation, and writing the reply. What the client measures beyond onRequest → onResponse is
 * HTTP parsing and the socket. Opt-in (`--breakdown`), since the hooks cost a little themselves.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../server/app.ts';
import { percentile } from './measure.ts';

type Phase = 'route' | 'handler' | 'serialise' | 'send' | 'server';
const PHASES: Phase[] = ['route', 'handler', 'serialise', 'send', 'server'];

/** Milliseconds per phase of every request since the last `take()`. */
export type Breakdown = Record<Phase, number>;

/** Adds the timing hooks to an app before it listens; `take()` answers the medians and starts afresh. */
export function addBreakdownHooks(app: App) {
  const marks = new WeakMap<FastifyRequest, Record<string, number>>();
  const samples: Record<Phase, number[]> = { route: [], handler: [], serialise: [], send: [], server: [] };
  const mark = (name: string) => async (request: FastifyRequest, _reply: FastifyReply, payload?: unknown) => {
    const m = marks.get(request) ?? {};
    m[name] = performance.now();
    marks.set(request, m);
    return payload;
  };
  app.addHook('onRequest', async (request) => {
    marks.set(request, { onRequest: performance.now() });
  });
  app.addHook('preHandler', async (request, reply) => void (await mark('preHandler')(request, reply)));
  app.addHook('preSerialization', mark('preSerialization'));
  app.addHook('onSend', mark('onSend'));
  app.addHook('onResponse', async (request) => {
    const m = marks.get(request);
    if (!m || m.onRequest === undefined || m.preHandler === undefined || m.onSend === undefined) return;
    const end = performance.now();
    // Buffers (tiles) skip preSerialization: their handler ends where onSend starts.
    const handled = m.preSerialization ?? m.onSend;
    samples.route.push(m.preHandler - m.onRequest);
    samples.handler.push(handled - m.preHandler);
    samples.serialise.push(m.onSend - handled);
    samples.send.push(end - m.onSend);
    samples.server.push(end - m.onRequest);
  });
  return {
    take(): Breakdown {
      const medians = Object.fromEntries(PHASES.map((p) => [p, percentile(samples[p], 50)])) as Breakdown;
      for (const p of PHASES) samples[p].length = 0;
      return medians;
    },
  };
}
