// Opens (or brings forward) the speaker-notes window: the same app with `notes=1`, which shows
// the notes, the next step's title and a timer, in step with this window (channel.ts).
export function openSpeakerNotes(notation: string): void {
  const url = `${window.location.pathname}?notes=1&notation=${encodeURIComponent(notation)}`;
  const win = window.open(url, 'unrolled-notes', 'popup,width=760,height=600');
  win?.focus();
}
