import { z } from '../zod';
import { fillParams } from './language';
import { type MessageKey, zhCN } from './zh-CN';

/**
 * What lib says to the user: a message code and its parameters, translated by
 * the UI (lib/i18n). A parameter may itself be a message (a reason inside a
 * file's error), translated in the same language.
 */
export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}
export type MessageParam = string | number | Message;

export const message = (key: MessageKey, params?: Record<string, MessageParam>): Message =>
  params ? { key, params } : { key };

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';

/** A message in the language of `table` (a key it lacks in Chinese), its parameters first. */
export function renderMessage(table: Record<MessageKey, string>, m: Message): string {
  const text = table[m.key] ?? zhCN[m.key] ?? m.key;
  if (!m.params) return text;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params))
    params[name] = isMessage(value) ? renderMessage(table, value) : value;
  return fillParams(text, params);
}

/** A message in Chinese: an Error's `message`, and what logs and tests read. */
export const zhText = (m: Message): string => renderMessage(zhCN, m);

/** A message as it crosses a boundary (a worker's reply): parsed, its key one of ours. */
export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.string().refine((key) => key in zhCN, 'not a message key') as unknown as z.ZodType<MessageKey>,
    params: z.record(z.string(), z.union([z.string(), z.number(), MessageSchema])).optional(),
  }),
);

/** An error that says what went wrong as a message; its `message` is the Chinese text. */
export class CodedError extends Error {
  name = 'CodedError';
  constructor(readonly problem: Message) {
    super(zhText(problem));
  }
}

/** What an error says, as a message: its code when it has one, else its text (an error not ours). */
export function messageOfError(error: unknown): Message {
  const problem = (error as { problem?: unknown } | null)?.problem;
  if (isMessage(problem)) return problem;
  return message('error.text', { text: error instanceof Error ? error.message : String(error) });
}
