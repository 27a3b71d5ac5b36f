/**
 * The state of a form's submission (or of any action a person takes, such as a decision), which
 * every form otherwise keeps by hand: busy while it is sent, the failure to show (in the reader's
 * words), whether it succeeded and what to announce then. A small runes class, so components read
 * its fields reactively (`FormError`, `FormStatus`, `SubmitButton` show them).
 */
export class Submission {
  /** The form is being sent. */
  busy = $state(false);
  /** Why the last attempt failed, ready to show; null after a success or before any attempt. */
  error = $state<string | null>(null);
  /** The last attempt succeeded. */
  succeeded = $state(false);
  /** What the last success did, in words, when the caller gave any. */
  notice = $state<string | null>(null);
  /** How many attempts have failed: `FormError` shows each failure afresh. */
  failures = $state(0);

  #describe: (error: unknown) => string;

  /** @param describe words a thrown error for the reader, e.g. `(e) => describeError(e, i18n.t)` */
  constructor(describe: (error: unknown) => string) {
    this.#describe = describe;
  }

  /**
   * Sends the form: `work` runs while `busy`; what it throws becomes the error. Answers whether it
   * succeeded.
   * @param notice what to announce after a success, or how to word it from what `work` answered
   */
  async run<T>(work: () => Promise<T>, notice?: string | ((result: T) => string)): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.succeeded = false;
    this.notice = null;
    try {
      const result = await work();
      this.succeeded = true;
      this.notice = typeof notice === 'function' ? notice(result) : (notice ?? null);
      return true;
    } catch (err) {
      this.fail(this.#describe(err));
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Reports a problem found before sending (a missing field, say). */
  fail(message: string): void {
    this.error = message;
    this.succeeded = false;
    this.notice = null;
    this.failures += 1;
  }
}
