import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DealPos } from '../../nodes/DealPos/DealPos.node';
import { OPERATIONS } from '../../nodes/DealPos/actions';
import { ENDPOINTS, operationTable, readRepoFile, readRepoJson, tableIn } from '../../dev/lib';

const description = new DealPos().description;
const properties = description.properties;

function operations(): Array<{ resource: string; option: INodePropertyOptions }> {
	const resource = properties.find((p) => p.name === 'resource') as INodeProperties;
	return (resource.options as INodePropertyOptions[]).flatMap((r) => {
		const op = properties.find(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes(String(r.value)),
		) as INodeProperties;
		return (op.options as INodePropertyOptions[]).map((option) => ({ resource: String(r.value), option }));
	});
}

describe('DealPOS node description', () => {
	it('declares exactly the operations it runs, each with an action and a description for the AI Agent', () => {
		const declared = operations().map(({ resource, option }) => `${resource}.${String(option.value)}`);
		expect(declared.sort()).toEqual(Object.keys(OPERATIONS).sort());
		expect(Object.keys(ENDPOINTS).sort()).toEqual(Object.keys(OPERATIONS).sort());
		for (const { option } of operations()) {
			expect(option.action).toMatch(/^Get /);
			expect(String(option.description).length).toBeGreaterThan(40);
		}
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'dealPosApi', required: true }]);
	});

	it('the README operations table is the one the description makes (npm run generate)', () => {
		expect(tableIn(readRepoFile('README.md'))).toBe(operationTable(properties));
	});

	it('package.json registers the three nodes and both credentials', () => {
		const pkg = readRepoJson('package.json') as { n8n: { nodes: string[]; credentials: string[] } };
		expect(pkg.n8n.nodes).toEqual([
			'dist/nodes/DealPos/DealPos.node.js',
			'dist/nodes/DealPosCatchUp/DealPosCatchUpTrigger.node.js',
			'dist/nodes/DealPosTrigger/DealPosTrigger.node.js',
		]);
		expect(pkg.n8n.credentials).toEqual([
			'dist/credentials/DealPosApi.credentials.js',
			'dist/credentials/DealPosWebhookAuthApi.credentials.js',
		]);
	});
});
