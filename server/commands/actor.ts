/**
 * Commands: every write that spans resources is a function `(tx, actor, input) → result` in this folder.
 * It runs inside one transaction, so its rows, audit entries and outbox messages commit or roll back
 * together; it checks what only the data can tell (this venue's region, this claim's status) and throws
 * the ApiErrors of server/errors.ts. Routes validate and authorise the request, run one command and
 * present its result; tests call commands directly (tests/commands/).
 */
import type { Db } from '../../db/client.ts';
import type { CurrentUser } from '../auth/access.ts';
import { Errors } from '../errors.ts';

/** Who performs a command: recorded in the audit log, and checked against what they touch. */
export interface Actor {
  /** The signed-in user; null for sign-up and password resets. */
  user: CurrentUser | null;
  /** The client address the write came from. */
  ip: string;
}

/** An actor known to be signed in (the route's access rule has said so). */
export interface SignedInActor extends Actor {
  user: CurrentUser;
}

/** A write spanning resources, run inside a transaction. */
export type Command<Input, Result> = (tx: Db, actor: Actor, input: Input) => Promise<Result>;

/** Runs a command in its own transaction: committed when it returns, rolled back when it throws. */
export function runCommand<Input, Result>(
  db: Db,
  command: (tx: Db, actor: SignedInActor, input: Input) => Promise<Result>,
  actor: Actor,
  input: Input,
): Promise<Result> {
  const signedIn = signedInActor(actor);
  return db.transaction((tx) => command(tx, signedIn, input));
}

/** Runs a command that anyone may run, signed in or not (sign-up, password resets). */
export function runPublicCommand<Input, Result>(
  db: Db,
  command: Command<Input, Result>,
  actor: Actor,
  input: Input,
): Promise<Result> {
  return db.transaction((tx) => command(tx, actor, input));
}

/** The actor as signed in; AUTH_REQUIRED otherwise (a route without an access rule would get here). */
export function signedInActor(actor: Actor): SignedInActor {
  if (!actor.user) throw Errors.authRequired();
  return actor as SignedInActor;
}
