// The parse floor as a fresh process pays it: one pass of the parsers over the corpus with nothing warmed up, printed
// as JSON. The bench runs it as a child process, because a scan is a fresh process too: the gap between this and the
// warm floor is what warming up the JIT costs, for the parsers alone.
import { measureParseFloor } from './scan-floor';

const root = process.argv[2];
if (!root) throw new Error('usage: floor-cold.ts <folder>');
void measureParseFloor([root], 1, 0).then((floor) => process.stdout.write(JSON.stringify(floor)));
