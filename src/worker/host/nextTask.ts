/** Gives the event loop a turn: queued messages (cancels, newer calls, pauses) run first. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
