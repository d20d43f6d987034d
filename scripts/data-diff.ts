/**
 * `npm run data:diff` — what an edit to data/ changes, row by row and as readers will see it.
 *   no argument, or a file in data/ (data/downloads.csv): data/ against what is published — the last
 *     commit (git HEAD), or the last build's copy in build/data/ where there is no git;
 *   another file (~/Downloads/downloads.csv [--as <id>]): that file against data/<id>.csv.
 * Then the reader-level diff: each story step, chart and embed whose text changes, before → after.
 * Exit 0 after printing a diff, 1 when a file has errors (they are printed instead), 2 on a wrong command.
 */
import { processContext } from './data-cli';
import { dataDiff } from './data-diff-command';

process.exitCode = await dataDiff(process.argv.slice(2), processContext());
