/**
 * dev/lib is the one module the harness and these tests share; its index spreads its modules'
 * exports into one object. Two modules exporting one name would let the later one win silently
 * (the catch-up example's `KEY` once replaced the demo's, and the demo's e2e read the wrong column).
 */
import * as lib from '../dev/lib';

describe('dev/lib', () => {
	it('no two of the modules its index spreads export the same name', () => {
		const source = lib.readRepoFile('dev/lib/index.js');
		const spread = [...source.matchAll(/\.\.\.require\('(\.{1,2}\/[^']+)'\)/g)].map((m) => m[1]);
		expect(spread.length).toBeGreaterThan(20);
		const owners = new Map<string, string[]>();
		for (const module of spread) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exported = require(`../dev/lib/${module}`) as Record<string, unknown>;
			for (const name of Object.keys(exported)) owners.set(name, [...(owners.get(name) ?? []), module]);
		}
		const twice = [...owners].filter(([, modules]) => modules.length > 1).map(([name, modules]) => `${name}: ${modules.join(', ')}`);
		expect(twice).toEqual([]);
	});
});
