// `npm run bench`: runs every test/bench/*.bench.ts in turn (or those named on the command line) and prints their figures.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import '../harness/env';

// `Foo.node` must resolve to Foo.node.ts, not the codex file Foo.node.json beside it: try .json last.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const moduleExtensions = (require('node:module') as { _extensions: Record<string, unknown> })
	._extensions;
const loadJson = moduleExtensions['.json'];
delete moduleExtensions['.json'];
moduleExtensions['.json'] = loadJson;

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const files = readdirSync(__dirname)
		.filter((f) => f.endsWith('.bench.ts'))
		.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
		.sort();
	for (const file of files) {
		console.log(`\n# ${file}`);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const bench = require(join(__dirname, file)) as { run: () => Promise<void> };
		await bench.run();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
