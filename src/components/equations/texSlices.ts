// While the app starts, the first equations are typeset a few at a time, one short task after
// another, instead of all in one long task that would hold up the page (Lighthouse counts it
// as blocking time). Once the first burst is done, every equation renders at once as before:
// stepping keeps its synchronous, flicker-free update.

/** Milliseconds of typesetting per task during start-up. */
const SLICE_MS = 12;

let startedUp = false;
let sliceEnd = 0; // 0: no slice open in this task
let renderedInSlice = false;
const jobs = new Set<() => void>();

/** Runs fn in a later task (a message is quicker than setTimeout's clamped delay). */
function nextTask(fn: () => void) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

function openSlice(now: number) {
  sliceEnd = now + SLICE_MS;
  renderedInSlice = false;
  nextTask(() => {
    sliceEnd = 0;
    // A task that typeset something and left nothing waiting ends the start-up.
    if (renderedInSlice && jobs.size === 0) startedUp = true;
  });
}

/**
 * Whether an equation may be typeset now, in this task. Always, once started up; during
 * start-up, while this task's slice lasts (each yes counts as typesetting in it).
 */
export function mayTypesetNow(): boolean {
  if (startedUp) return true;
  const now = performance.now();
  if (sliceEnd === 0) openSlice(now);
  if (now >= sliceEnd) return false;
  renderedInSlice = true;
  return true;
}

/** Queues a typesetting job for a later slice; returns a function that cancels it. */
export function typesetLater(job: () => void): () => void {
  jobs.add(job);
  if (jobs.size === 1) nextTask(runJobs);
  return () => jobs.delete(job);
}

function runJobs() {
  const now = performance.now();
  openSlice(now);
  for (const job of jobs) {
    if (performance.now() >= sliceEnd) break;
    jobs.delete(job);
    renderedInSlice = true;
    job();
  }
  if (jobs.size > 0) nextTask(runJobs);
}
