import * as z from 'zod/mini';
import {
  CHOICES,
  type ChoiceName,
  type EnumChoice,
  type IntChoice,
  type NumberChoice,
  type RatesChoice,
  type TextChoice,
} from '../core/model';
import {
  COMPARE_CELLS,
  LAB_CHOICES,
  labChoiceErrors,
  type CompareCell,
  type LabChoiceName,
  type LabChoices,
} from '../core/lab/choices';
import { PRESET_IDS } from '../core/presets';
import { APP_DEFAULTS, PAGES, SPEEDS, THEMES, VIEWS, type Page } from './appChoices';
import { LESSON_LENGTH } from '../content/lesson/length';

// Every choice a user makes lives in the URL. One table names each property, its schema and
// its default; parse and serialize are both driven by it, so they cannot drift apart. The
// model's choices (text, hidden, act, loss, seed, lr, notation) come from core/model.ts with
// their bounds and defaults; nothing here repeats them.

type Choice = IntChoice | NumberChoice | TextChoice | EnumChoice<string> | RatesChoice;

/** Rates as the URL writes them: `0.9` for every unit, or `0.9,0.5,0` one per unit. */
const RATES_MAX = CHOICES.hidden.max;

/** The URL schema of one model (or training lab) choice, from its declaration. */
function schemaOf(c: Choice) {
  switch (c.kind) {
    case 'text':
      // Code points, as the panel counts them: an emoji is one character.
      return z
        .string()
        .check(
          z.refine(
            (v) => [...v].length >= c.minLength && [...v].length <= c.maxLength,
            `expected ${c.minLength} to ${c.maxLength} characters`,
          ),
        );
    case 'int':
      return z.coerce.number().check(z.int(), z.gte(c.min), z.lte(c.max));
    case 'number':
      return z.coerce.number().check(z.gt(c.above), z.lte(c.max));
    case 'enum':
      return z.enum(c.options as readonly string[] as [string, ...string[]]);
    case 'rates':
      return z
        .pipe(
          z.string().check(z.regex(/^[^,]+(,[^,]+)*$/)),
          z.transform((v) => v.split(',').map(Number)),
        )
        .check(
          z.refine(
            (rates) => rates.length <= RATES_MAX && rates.every((r) => r >= c.min && r < c.below),
            `expected rates in [${c.min}, ${c.below})`,
          ),
        );
  }
}

/** Values as the URL writes them (rates joined by commas), for comparing with a default. */
const written = (v: unknown): string => String(v);

const modelProps = Object.fromEntries(
  (Object.keys(CHOICES) as ChoiceName[]).map((k) => [
    k,
    { schema: schemaOf(CHOICES[k]), default: CHOICES[k].default },
  ]),
) as unknown as {
  [K in ChoiceName]: { schema: z.ZodMiniType; default: (typeof CHOICES)[K]['default'] };
};

export const URL_PROPS = {
  ...modelProps,
  step: {
    schema: z.string().check(z.regex(/^(0|update|[fb][1-9]\d{0,3})$/)),
    default: APP_DEFAULTS.step,
  },
  view: { schema: z.enum(VIEWS), default: APP_DEFAULTS.view },
  theme: { schema: z.enum(THEMES), default: APP_DEFAULTS.theme },
  preset: { schema: z.enum(['none', ...PRESET_IDS]), default: 'none' },
  speed: { schema: z.enum(SPEEDS), default: APP_DEFAULTS.speed },
  page: { schema: z.enum(PAGES), default: APP_DEFAULTS.page },
  /** The guided lesson's step, 1-based; 0: the lesson is closed. */
  lesson: { schema: z.coerce.number().check(z.int(), z.gte(0), z.lte(LESSON_LENGTH)), default: 0 },
  /** Presenter mode. */
  present: { schema: z.enum(['0', '1']), default: '0' },
  /** The lab's side-by-side comparison: the gated cell beside the vanilla RNN, or none. */
  compare: { schema: z.enum(['none', ...COMPARE_CELLS]), default: 'none' },
} as const;

/**
 * The training lab's keys, from its declaration (core/lab/choices.ts). Under `page=lab` the
 * keys it shares with the explorer (text, hidden, act, lr, seed) are the lab's, with the lab's
 * bounds (hidden up to 128); on the explorer's page they are the explorer's.
 */
export const LAB_URL_PROPS = Object.fromEntries(
  (Object.keys(LAB_CHOICES) as LabChoiceName[]).map((k) => [
    k,
    { schema: schemaOf(LAB_CHOICES[k]), default: LAB_CHOICES[k].default },
  ]),
) as unknown as Record<LabChoiceName, { schema: z.ZodMiniType; default: unknown }>;

const LAB_DEFAULTS = Object.fromEntries(
  Object.entries(LAB_URL_PROPS).map(([k, p]) => [k, p.default]),
) as unknown as LabChoices;

/**
 * A lab text longer than this (UTF-16 units) stays out of the URL: servers refuse request
 * lines past 8–16 kB, and a link that does not open is worse than one without the text.
 */
export const LAB_URL_TEXT_MAX = 2000;

/**
 * Keys that mean something on the training lab only (its table's keys the explorer does not
 * share, and the comparison): a link with one of them and no `page` opens the lab; on another
 * page they are ignored with a notice, never silently.
 */
export const LAB_ONLY_KEYS: readonly string[] = [
  ...Object.keys(LAB_CHOICES).filter((k) => !(k in URL_PROPS)),
  'compare',
];

/** Read by the lab's table on the lab's page. */
const labKey = (page: Page, key: string) => page === 'lab' && key in LAB_URL_PROPS;

export type UrlKey = keyof typeof URL_PROPS;

type Widen<T> = T extends string ? string : T extends number ? number : T;
/** The URL's values, typed by each choice's declaration (enum choices keep their options). */
export type UrlState = {
  [K in ChoiceName]: (typeof CHOICES)[K] extends { options: readonly (infer O)[] }
    ? O
    : Widen<(typeof CHOICES)[K]['default']>;
} & {
  step: string;
  view: (typeof VIEWS)[number];
  theme: (typeof THEMES)[number];
  preset: 'none' | (typeof PRESET_IDS)[number];
  speed: (typeof SPEEDS)[number];
  page: Page;
  lesson: number;
  present: '0' | '1';
  compare: 'none' | CompareCell;
};

export const URL_DEFAULTS = Object.fromEntries(
  Object.entries(URL_PROPS).map(([k, p]) => [k, p.default]),
) as UrlState;

/** Keys that only say how the page is framed; read once, never written back. */
export interface FrameOptions {
  embed: boolean;
  parentOrigin: string | null;
  /** Parts left out for a lesson link or an embed (`hide=`); absent when none. */
  hide?: readonly HidePart[];
}

/** The parts `hide=` may leave out (spec/ui-contract.md, "The lesson and presenting"). */
export const HIDE_PARTS = [
  'settings',
  'weights',
  'derivation',
  'transport',
  'legend',
  'lesson',
] as const;
export type HidePart = (typeof HIDE_PARTS)[number];

/** URL keys outside the table: how the page is framed, read once and carried along. */
export const FRAME_KEYS = ['embed', 'parentOrigin', 'hide'] as const;

/** `hide=a,b`: the known parts in the contract's order, and the unknown ones for a notice. */
export function parseHide(raw: string): { parts: HidePart[]; unknown: string[] } {
  const asked = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const parts = HIDE_PARTS.filter((p) => asked.includes(p));
  const unknown = asked.filter((p) => !(HIDE_PARTS as readonly string[]).includes(p));
  return { parts, unknown };
}

export interface ParsedUrl {
  state: UrlState;
  frame: FrameOptions;
  /** One line per value that was refused, for the dismissible notice. */
  problems: string[];
  /** The training lab's choices (its defaults unless the page is the lab). */
  lab: LabChoices;
}

function parseOrigin(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** A refused value, quoted short and without control characters, for a notice. */
function shown(raw: string): string {
  const clean = [...raw].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c));
  return clean.length > 40 ? `${clean.slice(0, 40).join('')}…` : clean.join('');
}

/** A default in a notice: a long text by its first line. */
function shownDefault(v: unknown): string {
  const s = String(v);
  return s.includes('\n') ? `the default (“${shown(s.split('\n')[0])}”…)` : s;
}

export function parseUrl(search: string): ParsedUrl {
  const q = new URLSearchParams(search);
  const state = { ...URL_DEFAULTS } as Record<UrlKey, unknown>;
  const lab = { ...LAB_DEFAULTS } as Record<LabChoiceName, unknown>;
  const problems: string[] = [];
  const labOnly = LAB_ONLY_KEYS.filter((k) => q.get(k) !== null);
  // No page named: lab keys open the lab (unless the link opens the lesson, which lives on the
  // explorer).
  const impliedLab = q.get('page') === null && q.get('lesson') === null && labOnly.length > 0;
  const page = impliedLab
    ? 'lab'
    : (URL_PROPS.page.schema.safeParse(q.get('page')).data ?? APP_DEFAULTS.page);
  if (impliedLab) state.page = 'lab';
  else if (page !== 'lab' && labOnly.length)
    problems.push(
      `${labOnly.map((k) => `“${k}=${shown(q.get(k)!)}”`).join(', ')}: ${labOnly.length === 1 ? 'a setting' : 'settings'} of the training lab, ignored on the explorer; add “page=lab” to open the lab with ${labOnly.length === 1 ? 'it' : 'them'}.`,
    );
  const tables = [
    [URL_PROPS, state],
    ...(page === 'lab' ? [[LAB_URL_PROPS, lab] as const] : []),
  ] as const;
  for (const [props, into] of tables)
    for (const key of Object.keys(props)) {
      const raw = q.get(key);
      if (raw === null || (props === URL_PROPS && labKey(page, key))) continue;
      const prop = (props as Record<string, { schema: z.ZodMiniType; default: unknown }>)[key];
      const r = prop.schema.safeParse(raw);
      if (r.success) (into as Record<string, unknown>)[key] = r.data;
      else
        problems.push(`“${key}=${shown(raw)}” is not valid; using ${shownDefault(prop.default)}.`);
    }
  // Rates for a number of units other than one or the hidden size fit no network.
  for (const into of [state, lab] as Record<string, unknown>[]) {
    const keep = into.keep as number[];
    const H = into.hidden as number;
    if (keep.length === 1 || keep.length === H) continue;
    problems.push(
      `“keep=${shown(keep.join(','))}” gives ${keep.length} rates for ${H} hidden units (give one for all, or one each); using ${shownDefault(URL_PROPS.keep.default)}.`,
    );
    into.keep = URL_PROPS.keep.default;
  }
  // Choices valid one by one may still clash (a delay as long as the sequence).
  const clash = labChoiceErrors(lab as unknown as LabChoices);
  if (clash.length) {
    problems.push(`${clash.join(' ')} Using the defaults for the delay and the length.`);
    lab.delay = LAB_DEFAULTS.delay;
    lab.seqLen = LAB_DEFAULTS.seqLen;
  }
  const rawOrigin = q.get('parentOrigin');
  const parentOrigin = parseOrigin(rawOrigin);
  if (rawOrigin && !parentOrigin)
    problems.push(`“parentOrigin” is not an http(s) origin; ignored.`);
  const frame: FrameOptions = { embed: q.get('embed') === '1', parentOrigin };
  const rawHide = q.get('hide');
  if (rawHide !== null) {
    const { parts, unknown } = parseHide(rawHide);
    if (parts.length) frame.hide = parts;
    if (unknown.length)
      problems.push(
        `“hide=${shown(unknown.join(','))}”: not a part that can be hidden (${HIDE_PARTS.join(', ')}); ignored.`,
      );
  }
  return { state: state as UrlState, frame, problems, lab: lab as unknown as LabChoices };
}

/** Only values that differ from the defaults are written, so links stay short. */
export function serializeUrl(state: UrlState, frame?: FrameOptions, lab?: LabChoices): string {
  const q = new URLSearchParams();
  for (const key of Object.keys(URL_PROPS) as UrlKey[]) {
    const v = state[key];
    if (written(v) !== written(URL_PROPS[key].default) && !labKey(state.page, key))
      q.set(key, written(v));
  }
  if (state.page === 'lab' && lab)
    for (const key of Object.keys(LAB_URL_PROPS) as LabChoiceName[])
      if (
        written(lab[key]) !== written(LAB_URL_PROPS[key].default) &&
        (key !== 'text' || lab.text.length <= LAB_URL_TEXT_MAX)
      )
        q.set(key, written(lab[key]));
  if (frame?.embed) q.set('embed', '1');
  if (frame?.parentOrigin) q.set('parentOrigin', frame.parentOrigin);
  // Written by hand: the parts are plain words, and `hide=settings,legend` reads better than %2C.
  const hide = frame?.hide?.length ? `hide=${frame.hide.join(',')}` : '';
  const s = [q.toString(), hide].filter(Boolean).join('&');
  return s ? `?${s}` : '';
}
