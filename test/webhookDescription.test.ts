import type { INode, INodeParameters, INodeTypes, IWebhookDescription } from 'n8n-workflow';
import { NodeHelpers, resolveWebhookDescriptionField, Workflow } from 'n8n-workflow';

import { DealPosTrigger } from '../nodes/DealPosTrigger/DealPosTrigger.node';
import { CATEGORIES } from '../nodes/DealPosTrigger/catalog';
import { SYNC_CATEGORIES, WEBHOOKS } from '../nodes/DealPosTrigger/properties';
import { NODE } from './helpers';

const trigger = new DealPosTrigger();
const description = WEBHOOKS.find((w) => w.name === 'default') as IWebhookDescription;

/** A node as n8n's Workflow holds it: the given parameters plus every displayed default. */
function nodeWith(parameters: INodeParameters): INode {
	const node: INode = { ...NODE, parameters };
	node.parameters =
		NodeHelpers.getNodeParameters(trigger.description.properties, parameters, true, false, node, trigger.description) ??
		{};
	return node;
}

const nodeTypes: INodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: () => trigger,
	getKnownTypes: () => ({}),
};

/** Evaluates a template with n8n's own expression engine (n8n-workflow's Workflow, as n8n 2.8 does). */
function evaluateTemplate(template: string, node: INode): unknown {
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(workflow.getNode(node.name)!, template, 'internal', {});
}

const cases = CATEGORIES.flatMap((c) =>
	SYNC_CATEGORIES.includes(c.slug)
		? [
				{ category: c.slug, responseMode: 'lastNode' },
				{ category: c.slug, responseMode: 'responseNode' },
				{ category: c.slug, responseMode: undefined },
			]
		: [{ category: c.slug, responseMode: undefined }],
);

describe('webhook description: answers resolved without the expression engine', () => {
	it.each(cases.flatMap((c) => ['responseMode', 'responseData'].map((field) => [field, c.category, c.responseMode, c] as const)))(
		'%s for %s (respond: %s) equals its template',
		(field, _category, _mode, c) => {
			const parameters: INodeParameters = { category: c.category, events: [] };
			if (c.responseMode) parameters.responseMode = c.responseMode;
			const node = nodeWith(parameters);
			const native = resolveWebhookDescriptionField(node, description, field);
			expect(native.resolved).toBe(true);
			expect(native.resolved && native.value).toEqual(evaluateTemplate(String(description[field]), node));
		},
	);

	it('gives the documented modes: workflow answers loyalty events, the node answers the rest', () => {
		const loyalty = nodeWith({ category: SYNC_CATEGORIES[0], events: [] });
		const customer = nodeWith({ category: 'customer', events: ['created'] });
		const value = (node: INode, field: string) => {
			const r = resolveWebhookDescriptionField(node, description, field);
			return r.resolved ? r.value : 'unresolved';
		};
		expect(value(loyalty, 'responseMode')).toBe('lastNode');
		expect(value(loyalty, 'responseData')).toBe('firstEntryJson');
		expect(value(customer, 'responseMode')).toBe('onReceived');
		expect(value(customer, 'responseData')).toBe('');
	});

	it('leaves everything to the expression engine when a parameter is an expression', () => {
		const node = nodeWith({ category: 'customer', events: ['created'], options: { timezone: '={{ "Asia/Jakarta" }}' } });
		expect(resolveWebhookDescriptionField(node, description, 'responseMode').resolved).toBe(false);
	});

	it('still evaluates the path in the engine ($webhookId is not a parameter)', () => {
		const node = nodeWith({ category: 'customer', events: ['created'] });
		expect(resolveWebhookDescriptionField(node, description, 'path').resolved).toBe(false);
	});

	it('is the description the node declares', () => {
		expect(trigger.description.webhooks).toBe(WEBHOOKS);
	});
});
