// The host page of embed-demo.html: frames Unrolled with ?embed=1, drives it with postMessage
// (setStep, play, pause) and lists what it says (ready, step, resize). Copy it as a start.

const params = new URLSearchParams(window.location.search);

/** The explorer to frame: ?app=<http(s) URL>, else the folder this page is served from. */
function appBase() {
  let url;
  try {
    url = new URL(params.get('app') ?? './', window.location.href);
  } catch {
    url = new URL('./', window.location.href);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    url = new URL('./', window.location.href);
  url.search = '';
  url.hash = '';
  return url;
}

const base = appBase();
const frame = document.getElementById('app');
const log = document.getElementById('log');
const now = document.getElementById('now');
const buttons = ['set-step', 'play', 'pause'].map((id) => document.getElementById(id));

// What to show (?query=…, any keys of docs/embedding.md), always embedded, and listening only
// to this page's origin when it has one.
const query = new URLSearchParams(params.get('query') ?? 'text=hello&view=unrolled');
query.set('embed', '1');
if (window.location.origin.startsWith('http')) query.set('parentOrigin', window.location.origin);
const src = new URL(base);
src.search = query.toString();
frame.src = src.href;

// In a strict sandbox (sandbox="allow-scripts" without allow-same-origin) the explorer's origin
// is opaque: it speaks from "null" and is reached only with "*" (docs/embedding.md).
const opaque = frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
const appOrigin = opaque ? 'null' : base.origin;

function send(message) {
  frame.contentWindow?.postMessage({ target: 'unrolled', ...message }, opaque ? '*' : appOrigin);
}

function note(message) {
  const li = document.createElement('li');
  li.textContent = JSON.stringify(message);
  log.append(li);
  while (log.children.length > 50) log.firstElementChild.remove();
  log.scrollTop = log.scrollHeight;
}

window.addEventListener('message', (e) => {
  // Only the framed explorer, from its own origin, is heard.
  if (e.source !== frame.contentWindow || e.origin !== appOrigin) return;
  const m = e.data;
  if (!m || m.source !== 'unrolled') return;
  note(m);
  if (m.type === 'ready') for (const b of buttons) b.disabled = false;
  if (m.type === 'step') now.textContent = String(m.step);
  // The frame takes the height of its content (within reason). Exactly that height: a frame
  // grown past it would make the explorer report its new, larger viewport, and so on.
  if (m.type === 'resize' && Number.isFinite(m.height))
    frame.style.height = `${Math.max(320, Math.min(Math.round(m.height), 2400))}px`;
});

document.getElementById('set-step').addEventListener('click', () => {
  send({ type: 'setStep', step: document.getElementById('step').value.trim() });
});
document.getElementById('play').addEventListener('click', () => send({ type: 'play' }));
document.getElementById('pause').addEventListener('click', () => send({ type: 'pause' }));
