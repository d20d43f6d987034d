/**
 * `npm run data:check` — checks every file in data/ (and the story's figures against them), or
 * `npm run data:check -- [--as <id>] file.csv …` — checks the given files against their chart's schema.
 * Prints every problem as `file:row:column: message`, then one summary line. Exit 0 when there are no
 * errors (warnings allowed), 1 when there are, 2 when the command itself is wrong.
 */
import { processContext } from './data-cli';
import { dataCheck } from './data-check-command';

process.exitCode = dataCheck(process.argv.slice(2), processContext());
