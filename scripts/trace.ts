// npm run -s trace -- FILE   (or - for standard input): prints the trace of a scenario as JSON.
import { readFileSync } from 'node:fs';
import { computeTrace, overflowError } from '../src/core/trace';
import { parseScenarioText, traceToJson } from '../src/core/scenarioSchema';

function main(argv: string[]): number {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write('usage: npm run -s trace -- FILE   (FILE or - for standard input)\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(
      `${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    return 1;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  const trace = computeTrace(parsed.value);
  const overflow = overflowError(trace);
  if (overflow) {
    process.stderr.write(`${overflow}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(traceToJson(trace), null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
