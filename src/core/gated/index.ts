// The gated cells (spec/trace-format.md, "Gated cells"): one trace function per cell.
export { computeLstmTrace } from './lstm';
export { computeGruTrace } from './gru';
