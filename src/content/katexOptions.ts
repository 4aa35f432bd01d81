import type { KatexOptions } from 'katex';

// How every equation is rendered. trust admits one command only: \htmlClass with the class
// that marks a shared weight's symbol (so hovering U in an equation lights up U everywhere);
// \href, \url, \includegraphics and every other class stay refused. The strings are our own,
// with user text escaped by equationsFormat.ts.

export const WEIGHT_CLASS_PREFIX = 'uw-w-';
const WEIGHT_CLASS = /^uw-w-[UWV]$/;

export const katexOptions: KatexOptions = {
  throwOnError: false,
  trust: (ctx) => ctx.command === '\\htmlClass' && WEIGHT_CLASS.test(ctx.class),
  strict: 'ignore',
  output: 'htmlAndMathml',
};
