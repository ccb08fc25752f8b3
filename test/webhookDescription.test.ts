import type { INode, INodeParameters, INodeTypes, IWebhookDescription } from 'n8n-workflow';
import { NodeHelpers, resolveWebhookDescriptionField, Workflow } from 'n8n-workflow';

import { DealPosTrigger } from '../nodes/DealPosTrigger/DealPosTrigger.node';
import { CATEGORIES, CUSTOM_EVENT } from '../nodes/DealPosTrigger/catalog';
import { SUBTITLE } from '../nodes/DealPosTrigger/properties';
import { customSlugsOf, SYNC_CATEGORIES, webhookNamed, WEBHOOKS } from '../nodes/DealPosTrigger/webhooks';
import { NODE } from './helpers';

const trigger = new DealPosTrigger();
const RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

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

function resolverFields(webhook: IWebhookDescription): string[] {
	return Object.keys((webhook as unknown as Record<symbol, object>)[RESOLVERS] ?? {});
}

/** Node configurations covering every category, both loyalty answer modes, and custom names. */
const configs: INodeParameters[] = [
	...CATEGORIES.flatMap((c) =>
		SYNC_CATEGORIES.includes(c.slug)
			? [
					{ category: c.slug, events: [], responseMode: 'lastNode' },
					{ category: c.slug, events: [CUSTOM_EVENT], customEvents: 'Points Expired', responseMode: 'responseNode' },
				]
			: [{ category: c.slug, events: c.events.length ? [c.events[0].slug] : [CUSTOM_EVENT] }],
	),
	{ category: 'bill', events: [CUSTOM_EVENT], customEvents: 'Received, bill_paid, billPaid, received, ***, , Written Off, x, y, z' },
	{ category: 'customer', events: ['created', CUSTOM_EVENT], customEvents: 'created, Merged, deleted' },
	{ category: 'invoice', events: ['created'], customEvents: 'restored' },
];

const cases = WEBHOOKS.flatMap((webhook) =>
	resolverFields(webhook).flatMap((field) =>
		configs.map((config) => [webhook.name, field, JSON.stringify(config), webhook, config] as const),
	),
);

describe('webhook descriptions: template and resolver from one declaration', () => {
	it.each(cases)('%s %s for %s: the resolver equals its template', (_name, field, _label, webhook, config) => {
		const node = nodeWith(config);
		const native = resolveWebhookDescriptionField(node, webhook, field);
		expect(native.resolved).toBe(true);
		expect(native.resolved && native.value).toEqual(evaluateTemplate(String(webhook[field]), node));
	});

	it('routes the custom events the user named, in order, without duplicates or documented ones', () => {
		const bill = configs.find((c) => c.category === 'bill' && String(c.customEvents).includes('x'))!;
		expect(customSlugsOf(bill)).toEqual(['received', 'bill-paid', 'written-off', 'x', 'y', 'z']);
		const customer = configs.find((c) => c.category === 'customer' && c.customEvents)!;
		expect(customSlugsOf(customer)).toEqual(['merged']);
		const path = (index: number, config: INodeParameters) =>
			evaluateTemplate(String(webhookNamed(`custom-${index}`)!.path), nodeWith(config));
		expect(path(0, customer)).toBe('customer/merged');
		expect(path(1, customer)).toBe('customer/__unused-custom-1');
		expect(path(4, bill)).toBe('bill/y');
		// Without "Custom Event" selected, names typed earlier are not listened to.
		expect(path(0, { category: 'invoice', events: ['created'], customEvents: 'restored' })).toBe('invoice/__unused-custom-0');
	});

	it('leaves everything to the expression engine when a parameter is an expression', () => {
		const node = nodeWith({ category: 'loyalty-point', events: ['fetch-points'], options: { timezone: '={{ "Asia/Jakarta" }}' } });
		expect(resolveWebhookDescriptionField(node, webhookNamed('loyalty-point.fetch-points')!, 'responseMode').resolved).toBe(false);
	});

	it('needs no expression to route or answer a delivery: every field n8n reads is static or resolved natively', () => {
		// ndvHideUrl and ndvHideMethod are read by the editor only.
		const read = ['path', 'httpMethod', 'isFullPath', 'restartWebhook', 'responseMode', 'responseData', 'responseCode'];
		for (const webhook of WEBHOOKS) {
			const resolved = resolverFields(webhook);
			for (const field of read) {
				const value = webhook[field];
				if (typeof value === 'string' && value.startsWith('=')) expect([webhook.name, field, resolved.includes(field)]).toEqual([webhook.name, field, true]);
			}
		}
		// Ordinary events: nothing to evaluate at all.
		const created = webhookNamed('customer.created')!;
		expect(resolverFields(created)).toEqual([]);
	});

	it('keeps the templates parseable: no "}}" inside an inlined function', () => {
		const templates = WEBHOOKS.flatMap((webhook) => resolverFields(webhook).map((field) => String(webhook[field])));
		for (const template of [...templates, SUBTITLE]) expect(template.slice(3, -2)).not.toContain('}}');
	});
});

describe('the URLs the editor shows', () => {
	const hidden = (name: string, parameters: INodeParameters) => evaluateTemplate(String(webhookNamed(name)!.ndvHideUrl), nodeWith(parameters));

	it('shows a documented event URL while the event is selected, and only in its category', () => {
		expect(hidden('customer.updated', { category: 'customer', events: ['updated'] })).toBe(false);
		expect(hidden('customer.updated', { category: 'customer', events: ['created'] })).toBe(true);
		expect(hidden('customer.updated', { category: 'invoice', events: ['created'] })).toBe(true);
	});

	// A documented event typed under Custom Event Names is listened to at its documented URL
	// (selection.ts): that URL must be shown, or the user has nothing to paste.
	it('shows it too when the event is named under Custom Event Names, in any spelling', () => {
		for (const customEvents of ['Updated', 'x, updated', ' UPDATED ']) {
			expect(hidden('customer.updated', { category: 'customer', events: [CUSTOM_EVENT], customEvents })).toBe(false);
		}
		// Not without Custom Event selected (the names then count for nothing).
		expect(hidden('customer.updated', { category: 'customer', events: ['created'], customEvents: 'updated' })).toBe(true);
		expect(hidden('customer.updated', { category: 'invoice', events: [CUSTOM_EVENT], customEvents: 'updated' })).toBe(true);
	});
});

describe('subtitle', () => {
	it.each([
		[{ category: 'customer', events: ['created', 'updated'] }, 'Customer: Customer Created, Customer Updated'],
		[{ category: 'bill', events: [CUSTOM_EVENT], customEvents: 'paid, Written Off' }, 'Bill: paid (custom), written-off (custom)'],
		[{ category: 'invoice', events: ['created', CUSTOM_EVENT], customEvents: 'restored' }, 'Invoice: Invoice Created, restored (custom)'],
	])('%j reads "%s" (no internal values)', (parameters, expected) => {
		expect(evaluateTemplate(SUBTITLE, nodeWith(parameters))).toBe(expected);
	});
});
