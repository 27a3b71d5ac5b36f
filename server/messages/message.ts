/**
 * Outbox messages: one template per message in this folder, each a pure function of what happened
 * that writes it in Chinese first, then English (an account has no language preference yet, so both
 * go in every message). Commands queue them with enqueueMessage (db/queries/outbox.ts).
 */
import type { MessageContent } from '../../db/queries/outbox.ts';

/** One language's text of a message: a subject and the lines of its body. */
export interface MessageText {
  subject: string;
  lines: string[];
}

/** A message in both languages: subjects joined by " / ", bodies one after the other. */
export function bilingual(
  topic: string,
  text: { zh: MessageText; en: MessageText },
  data: Record<string, unknown>,
): MessageContent {
  return {
    topic,
    subject: `${text.zh.subject} / ${text.en.subject}`,
    body: [...text.zh.lines, '', ...text.en.lines].join('\n'),
    data,
  };
}

/** A reason line, when there is a reason. */
export const reasonLines = (reason: string | null, label: string): string[] => (reason ? [`${label}${reason}`] : []);

const SHANGHAI_TIME = { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' } as const;
// Made once: building an Intl.DateTimeFormat costs about a third of a millisecond, formatting with one little.
const SHANGHAI_ZH = new Intl.DateTimeFormat('zh-CN', SHANGHAI_TIME);
const SHANGHAI_EN = new Intl.DateTimeFormat('en-GB', SHANGHAI_TIME);

/** An instant as people in China read it, e.g. 2026年12月5日 09:00 and 5 December 2026 at 09:00. */
export function shanghaiTime(at: Date): { zh: string; en: string } {
  return { zh: SHANGHAI_ZH.format(at), en: SHANGHAI_EN.format(at) };
}
