import * as z from 'zod/mini';

// Messages a parent page may send to an embedded Unrolled (spec/ui-contract.md). Anything
// that does not match is ignored without a word.

export const inboundMessage = z.discriminatedUnion('type', [
  z.object({
    target: z.literal('unrolled'),
    type: z.literal('setStep'),
    step: z.string().check(z.maxLength(12)),
  }),
  z.object({ target: z.literal('unrolled'), type: z.literal('play') }),
  z.object({ target: z.literal('unrolled'), type: z.literal('pause') }),
]);

export type InboundMessage = z.infer<typeof inboundMessage>;

export type OutboundMessage =
  | { source: 'unrolled'; type: 'ready'; version: 1 }
  /** `lesson`: the lesson step (1-based, as `lesson=N`) when a lesson is open. */
  | { source: 'unrolled'; type: 'step'; step: string; lesson?: number }
  | { source: 'unrolled'; type: 'resize'; height: number };

export function parseInbound(data: unknown): InboundMessage | null {
  const r = inboundMessage.safeParse(data);
  return r.success ? r.data : null;
}
