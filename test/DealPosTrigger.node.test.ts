import { mock } from 'jest-mock-extended';
import type { IDataObject, ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DealPosTrigger } from '../nodes/DealPosTrigger/DealPosTrigger.node';
import { allEvents, CATEGORIES, CUSTOM_EVENT, eventPath, findEvent } from '../nodes/DealPosTrigger/catalog';
import { eventsDocument, eventTable, fieldReference, fieldsDocument } from '../nodes/DealPosTrigger/catalog/reference';
import { readRepoFile } from '../dev/lib';
import { callHook, callWebhook, webhookFor, webhookPath } from './helpers';
import { MAX_CUSTOM_EVENTS, webhookNamed, WEBHOOKS } from '../nodes/DealPosTrigger/webhooks';

const node = new DealPosTrigger();

function optionValues(prop: Pick<INodeProperties, 'options'>): string[] {
	return (prop.options ?? []).map((o) => ('value' in o ? String(o.value) : ''));
}

/** What the editor's Events selection lists with `category` chosen (n8n calls the load-options method). */
async function eventsListed(category: string) {
	const ctx = mock<ILoadOptionsFunctions>();
	ctx.getCurrentNodeParameter.mockImplementation((name) => (name === 'category' ? category : undefined));
	const method = node.description.properties.find((p) => p.name === 'events')!.typeOptions!.loadOptionsMethod!;
	const loaders: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = node.methods.loadOptions;
	return await loaders[method].call(ctx);
}

describe('DealPOS Trigger description', () => {
	it('offers every category in the Category dropdown', () => {
		const category = node.description.properties.find((p) => p.name === 'category');
		expect(optionValues(category!)).toEqual(CATEGORIES.map((c) => c.slug));
		expect(CATEGORIES).toHaveLength(18);
	});

	it.each(allEvents().map((e) => [e.key, e] as const))('%s is selectable in its category, and only there', async (_key, event) => {
		const { category } = event;
		expect(optionValues({ options: await eventsListed(category) })).toContain(event.slug);
		for (const other of CATEGORIES.filter((c) => c.slug !== category && !c.events.some((e) => e.slug === event.slug))) {
			expect(optionValues({ options: await eventsListed(other.slug) })).not.toContain(event.slug);
		}
	});

	it("lists a category's documented events in catalog order, then Custom Event, with their descriptions", async () => {
		for (const category of CATEGORIES) {
			const options = await eventsListed(category.slug);
			expect(optionValues({ options })).toEqual([...category.events.map((e) => e.slug), CUSTOM_EVENT]);
			for (const event of category.events) {
				const option = options.find((o) => o.value === event.slug)!;
				expect(option.name).toBe(event.name);
				expect(option.description).toContain(event.description);
				if (event.synchronous) expect(option.description).toContain('DealPOS waits for the answer');
			}
		}
		expect(await eventsListed('no-such-category')).toEqual([]);
	});

	it('has one Events selection for every category (n8n walks every property on each delivery), nothing selected at first', () => {
		const events = node.description.properties.filter((p) => p.name === 'events');
		expect(events).toHaveLength(1);
		expect(events[0].default).toEqual([]);
		expect(events[0].typeOptions?.loadOptionsDependsOn).toEqual(['category']);
		expect(node.description.properties.length).toBeLessThanOrEqual(11);
	});

	it('gives every event its own webhook with a static path: <n8n>/webhook/<webhookId>/<category>/<event>', () => {
		expect(node.description.webhooks).toBe(WEBHOOKS);
		for (const event of allEvents()) {
			const webhook = webhookNamed(event.key)!;
			expect(webhook.path).toBe(eventPath(event.category, event.slug));
			// Not a full path: n8n puts the node's webhook id in front, once.
			expect(webhook.isFullPath).toBeUndefined();
			expect(webhook.httpMethod).toBe('POST');
		}
		const paths = WEBHOOKS.map((w) => webhookPath(w.name, { category: 'bill', events: [CUSTOM_EVENT], customEvents: 'a, b, c, d, e' }));
		expect(new Set(paths).size).toBe(paths.length);
		expect(WEBHOOKS).toHaveLength(allEvents().length + MAX_CUSTOM_EVENTS + 1);
		expect(webhookPath('setup', {})).toBe('oauth/token');
	});

	// n8n's route table (webhook_entity) has the primary key (webhookPath, method), and a full path
	// is stored without the node's webhookId. So a full path, such as a catch-all `:category/:event`,
	// would be one row for every DealPOS Trigger of an n8n: 1.123.81 refuses to activate the second
	// workflow ("already taken"), 2.8.4 overwrites the row (the last trigger activated wins), 2.41.1
	// keeps the first and logs the UNIQUE constraint for the others (seen in a real n8n, each version).
	it('keeps every route under its own node: no full path and no route parameter, so two DealPOS Triggers never share a route', () => {
		const configs = [
			{ category: 'invoice', events: ['created'] },
			{ category: 'bill', events: [CUSTOM_EVENT], customEvents: 'a, b, c, d, e' },
		];
		for (const webhook of WEBHOOKS) {
			expect({ name: webhook.name, isFullPath: webhook.isFullPath }).toEqual({ name: webhook.name, isFullPath: undefined });
			for (const parameters of configs) expect(webhookPath(webhook.name, parameters)).not.toContain(':');
		}
	});

	it('hides the URLs of events not selected (evaluated: webhookDescription.test.ts)', () => {
		const created = webhookNamed('customer.created')!;
		expect(String(created.ndvHideUrl)).toMatch(/^=\{\{.*"customer".*"created"/s);
	});

	it('offers one nodes-panel action per category (n8n reads the property named "Trigger On")', () => {
		const category = node.description.properties.find((p) => p.name === 'category')!;
		// n8n's nodes panel takes the FIRST property whose display name is Event, Events or Trigger On.
		const first = node.description.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
		expect(first).toBe(category);
		const actions = (category.options as Array<{ value: string; action?: string }>).map((o) => [o.value, o.action]);
		expect(actions).toContainEqual(['invoice', 'On invoice event']);
		expect(actions).toHaveLength(18);
	});

	it('has themed icons', () => {
		expect(node.description.icon).toEqual({
			light: 'file:../../icons/dealpos.svg',
			dark: 'file:../../icons/dealpos.dark.svg',
		});
	});
});

describe('DealPOS Trigger webhook', () => {
	const customerExample = allEvents().find((e) => e.key === 'customer.created')!.example!;

	it.each(allEvents().map((e) => [e.key, e] as const))(
		'%s: a selected event emits its item tagged with category and event',
		async (_key, event) => {
			const { category } = event;
			const body = event.example ?? { ID: 'x-1' };
			const { result } = await callWebhook({
				parameters: { category, events: [event.slug] },
				params: { event: event.slug },
				body,
			});
			expect(result.workflowData).toHaveLength(1);
			const items = result.workflowData![0];
			expect(items.length).toBeGreaterThanOrEqual(1);
			for (const item of items) {
				expect(item.json.dealpos).toMatchObject({ category, event: event.key });
			}
			if (event.synchronous) {
				expect(result.webhookResponse).toBeUndefined();
			} else {
				expect(result.webhookResponse).toEqual({ status: 'success' });
			}
		},
	);

	describe('reads per delivery only what it needs', () => {
		it("reads the caller's address only when an IP allow list needs it", async () => {
			const free: string[] = [];
			const open = await callWebhook({
				parameters: { category: 'customer', events: ['created'] },
				params: { event: 'created' },
				body: customerExample,
				addressReads: free,
			});
			expect(open.response.statusCode).toBeUndefined();
			expect(open.result.webhookResponse).toEqual({ status: 'success' });
			expect(free).toEqual([]);

			const listed: string[] = [];
			const refused = await callWebhook({
				parameters: { category: 'customer', events: ['created'], options: { allowedIps: '203.0.113.0/24' } },
				params: { event: 'created' },
				body: customerExample,
				ip: '198.51.100.7',
				addressReads: listed,
			});
			expect(refused.response.statusCode).toBe(403);
			expect(listed).toContain('ip');
		});

		it('reads Custom Event Names only when Custom Event is selected', async () => {
			const read = async (events: string[]) => {
				const { ctx } = await callWebhook({
					parameters: { category: 'customer', events, customEvents: 'restored' },
					params: { event: 'created' },
					body: customerExample,
				});
				return ctx.getNodeParameter.mock.calls.map(([name]) => name);
			};
			expect(await read(['created'])).not.toContain('customEvents');
			expect(await read(['created', '__custom'])).toContain('customEvents');
		});
	});

	it('passes the Customer Created example through', async () => {
		const { result } = await callWebhook({
			parameters: { category: 'customer', events: ['created', 'deleted'] },
			params: { event: 'created' },
			body: customerExample,
		});
		const json = result.workflowData![0][0].json;
		expect(json.Email).toBe('johndoe@gmail.com');
		expect(json.Code).toBe('1011');
		expect(json.dealpos).toMatchObject({ category: 'customer', event: 'customer.created', mode: 'production' });
	});

	// The node does not answer these itself: it returns webhookResponse and no workflowData, and
	// n8n sends that body with the webhook's responseCode, 200 since the description sets none.
	it('the event webhooks leave the status to n8n (200)', () => {
		for (const webhook of WEBHOOKS) expect(webhook.responseCode).toBeUndefined();
	});

	it('acknowledges an unselected event with 2xx, starts nothing, and says so in n8n\'s log', async () => {
		const { result, response, logs } = await callWebhook({
			parameters: { category: 'customer', events: ['created'] },
			params: { event: 'deleted' },
			body: customerExample,
		});
		expect(result).toEqual({
			webhookResponse: {
				status: 'ignored',
				message: 'Customer Deleted is not selected in this DealPOS Trigger: acknowledged, nothing runs',
			},
		});
		expect(response).toEqual({ headers: {} });
		// DealPOS only sends an event to a URL pasted for it: the selection changed since.
		expect(logs).toEqual([
			'DealPOS Trigger on customer received Customer Deleted, which it does not listen to: acknowledged, nothing ran (select the event, or remove its URL from DealPOS)',
		]);
	});

	it('answers a URL of another category 404 with the URLs to paste instead, and starts nothing', async () => {
		const { result, response } = await callWebhook({
			parameters: { category: 'customer', events: ['created', CUSTOM_EVENT], customEvents: 'merged' },
			path: 'invoice/created',
			body: customerExample,
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(404);
		const id = '00000000-0000-4000-8000-000000000001';
		expect(JSON.parse(response.body!)).toEqual({
			status: 'error',
			message:
				'This URL is for Invoice Created (invoice.created), but this DealPOS Trigger listens to customer events. Paste these URLs into DealPOS instead.',
			urls: [
				{ event: 'Customer Created', url: `http://localhost:5678/webhook/${id}/customer/created` },
				{ event: 'Customer merged (custom)', url: `http://localhost:5678/webhook/${id}/customer/merged` },
			],
		});
	});

	it('has no URL for a name that is no event (n8n answers 404 itself) and none with :event', () => {
		const parameters = { category: 'invoice', events: ['created'] };
		expect(webhookFor('invoice/no-such-event', parameters)).toBeUndefined();
		expect(webhookFor('invoice/:event', parameters)).toBeUndefined();
		// No route parameter in any path: nothing like ".../:event" to copy by mistake.
		const custom = { category: 'bill', events: [CUSTOM_EVENT], customEvents: 'paid, merged' };
		for (const w of WEBHOOKS) expect(webhookPath(w.name, custom)).not.toContain(':');
		expect(webhookFor('invoice/created', parameters)).toBe('invoice.created');
	});

	it('receives custom events by the name the user gave them', async () => {
		const parameters = { category: 'bill', events: [CUSTOM_EVENT], customEvents: 'Created, bill_paid' };
		const paid = await callWebhook({ parameters, params: { event: 'bill-paid' }, body: { ID: 'b1', Extra: 1 } });
		expect(paid.result.workflowData![0][0].json).toMatchObject({
			ID: 'b1',
			Extra: 1,
			dealpos: { category: 'bill', event: 'bill.bill-paid' },
		});
		const created = await callWebhook({ parameters, params: { event: 'created' }, body: { ID: 'b2' } });
		expect(created.result.workflowData![0][0].json.dealpos).toMatchObject({ event: 'bill.created' });
		// A name the user did not give has no URL: n8n answers 404 before the node runs.
		expect(webhookFor('bill/deleted', parameters)).toBeUndefined();
	});

	it('leaves the answer of loyalty events to the workflow', async () => {
		for (const category of ['loyalty-point', 'loyalty-provider']) {
			for (const event of CATEGORIES.find((c) => c.slug === category)!.events) {
				const { result } = await callWebhook({
					parameters: { category, events: [event.slug], responseMode: 'responseNode' },
					params: { event: event.slug },
					body: event.example ?? {},
				});
				expect(result.webhookResponse).toBeUndefined();
				expect(result.workflowData).toHaveLength(1);
			}
		}
	});

	it('answers loyalty events through the workflow in both response modes, the others at once', () => {
		const fetch = webhookNamed('loyalty-point.fetch-points')!;
		expect(fetch.responseMode).toContain('responseNode');
		expect(fetch.responseMode).toContain('lastNode');
		const created = webhookNamed('customer.created')!;
		expect([created.responseMode, created.responseData]).toEqual(['onReceived', '']);
	});

	it('marks test deliveries', async () => {
		const { result } = await callWebhook({
			parameters: { category: 'customer', events: ['created'] },
			params: { event: 'created' },
			body: customerExample,
			mode: 'manual',
		});
		expect(result.workflowData![0][0].json.dealpos).toMatchObject({ mode: 'test' });
	});
});

describe('Invalid Payloads', () => {
	const customerExample = allEvents().find((e) => e.key === 'customer.created')!.example!;
	const body = { ...customerExample, Birthdate: 'tomorrow' };
	const deliver = (onInvalid?: string) =>
		callWebhook({
			parameters: { category: 'customer', events: ['created'], options: onInvalid ? { onInvalid } : {} },
			params: { event: 'created' },
			body,
		});
	const failOption = () => {
		const options = node.description.properties.find((p) => p.name === 'options')!;
		const onInvalid = (options.options as INodeProperties[]).find((o) => o.name === 'onInvalid')!;
		return (onInvalid.options as Array<{ value: string; description?: string }>).find((o) => o.value === 'fail')!;
	};

	it('Continue and List Problems (default): the item flows on with its problem, DealPOS gets success', async () => {
		const { result } = await deliver();
		expect(result.webhookResponse).toEqual({ status: 'success' });
		expect(result.workflowData![0][0].json.dealpos).toMatchObject({
			problems: [{ path: 'Birthdate', code: 'unparsed', message: '"tomorrow" is not a date; kept as received.' }],
		});
	});

	it('Fail the Execution: the webhook rejects with the problems and the body received in the description', async () => {
		// n8n answers a rejected webhook() with 500 and records the execution as failed with this error.
		await expect(deliver('fail')).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'Customer Created: the payload does not match the DealPOS documentation (1 problem)',
			description: `Birthdate: "tomorrow" is not a date; kept as received.\n\nBody received:\n${JSON.stringify(body)}`,
		});
	});

	it('Fail the Execution: a payload without problems runs as usual', async () => {
		const { result } = await callWebhook({
			parameters: { category: 'customer', events: ['created'], options: { onInvalid: 'fail' } },
			params: { event: 'created' },
			body: customerExample,
		});
		expect(result.webhookResponse).toEqual({ status: 'success' });
		expect(result.workflowData![0]).toHaveLength(1);
	});

	it('the option text says what DealPOS gets: an error answer (500), one retry, failed executions with the body', () => {
		const { description } = failOption();
		expect(description).not.toMatch(/\b200\b/);
		expect(description).toMatch(/\b500\b/);
		expect(description).toMatch(/retries once/);
		expect(description).toMatch(/failed execution/);
		expect(description).toMatch(/body/);
	});

	it('the README says the same', () => {
		const readme = readRepoFile('README.md');
		expect(readme).not.toMatch(/still gets 200/);
		const sentences = readme.split(/\n\n|\.\s/).filter((s) => s.includes('Fail the Execution'));
		expect(sentences.length).toBeGreaterThan(0);
		const text = sentences.join(' ').replace(/\s+/g, ' ');
		expect(text).toMatch(/\b500\b/);
		expect(text).toMatch(/retries once/);
		expect(text).toMatch(/failed execution/);
	});
});

describe('DealPOS Trigger activation', () => {
	it('registers nothing remotely and accepts a valid selection', async () => {
		const parameters = { category: 'customer', events: ['created'] };
		await expect(callHook('checkExists', parameters)).resolves.toBe(false);
		await expect(callHook('create', parameters)).resolves.toBe(true);
		await expect(callHook('delete', parameters)).resolves.toBe(true);
	});

	it('refuses to activate with no event selected', async () => {
		await expect(callHook('create', { category: 'customer', events: [] })).rejects.toThrow(
			'Select at least one event',
		);
	});

	it('refuses an event of another category', async () => {
		await expect(callHook('create', { category: 'shift', events: ['created'] })).rejects.toThrow(
			'not an event of Shift',
		);
	});

	// A mistyped zone would otherwise put a problem on every delivery: with Invalid Payloads: Fail
	// the Execution every one fails, with Continue every timestamp is hours off.
	it('refuses a Timezone that is no time zone, and accepts IANA names, UTC offsets and empty', async () => {
		const withZone = (timezone: string) => ({ category: 'customer', events: ['created'], options: { timezone } });
		await expect(callHook('create', withZone('Asia/Jakata'))).rejects.toThrow('Timezone "Asia/Jakata" is not a time zone');
		await expect(callHook('create', withZone('Asia/Jakata'))).rejects.toMatchObject({
			description: expect.stringContaining('Asia/Jakarta'),
		});
		for (const ok of ['Asia/Jakarta', 'UTC', 'UTC+7', '', '  ']) await expect(callHook('create', withZone(ok))).resolves.toBe(true);
	});

	it("takes a Timezone of spaces for empty: the workflow's time zone, no problem on the delivery", async () => {
		const { result } = await callWebhook({
			parameters: { category: 'customer', events: ['created'], options: { timezone: '  ' } },
			params: { event: 'created' },
			body: findEvent('customer.created')!.example,
		});
		const json = result.workflowData![0][0].json;
		expect((json.dealpos as IDataObject).problems).toEqual([]);
	});

	// Without one, n8n answers the loyalty event an empty 200 (or 500 with a later version of the
	// node, which runs only after a core Webhook node): DealPOS gets no Point, reward or coupon.
	it("refuses 'Respond to Webhook' mode without a Respond to Webhook node at version 1 after the trigger", async () => {
		const coupon = { category: 'loyalty-point', events: ['validate-coupon'], responseMode: 'responseNode' };
		const respond = (typeVersion: number, disabled = false) => ({ name: 'Answer', type: 'n8n-nodes-base.respondToWebhook', typeVersion, disabled });
		await expect(callHook('create', coupon)).rejects.toThrow("no Respond to Webhook node follows this trigger");
		await expect(callHook('create', coupon, undefined, [respond(1.1)])).rejects.toThrow('at version 1');
		await expect(callHook('create', coupon, undefined, [respond(1, true)])).rejects.toThrow("no Respond to Webhook node follows this trigger");
		await expect(callHook('create', coupon, undefined, [respond(1)])).resolves.toBe(true);
		// The default mode answers with the last node: nothing to check.
		await expect(callHook('create', { ...coupon, responseMode: 'lastNode' })).resolves.toBe(true);
	});

	it('names the events field as the editor labels it', async () => {
		const label = node.description.properties.find((p) => p.name === 'events')!.displayName;
		await expect(callHook('create', { category: 'shift', events: ['created'] })).rejects.toThrow(`pick it again in ${label}`);
		await expect(callHook('create', { category: 'customer', events: [] })).rejects.toMatchObject({
			description: expect.stringContaining(`Pick events in ${label}`),
		});
	});
});

describe('generated references (docs/)', () => {
	it('docs/events.generated.md is the event table of the catalog', () => {
		const text = readRepoFile('docs/events.generated.md');
		expect(text).toBe(eventsDocument());
		expect(text).toContain(eventTable());
		for (const event of allEvents()) expect(text).toContain(`\`${eventPath(event.category, event.slug)}\``);
	});

	it('docs/fields.generated.md is the field reference of the catalog', () => {
		const text = readRepoFile('docs/fields.generated.md');
		expect(text).toBe(fieldsDocument());
		expect(text).toContain(fieldReference());
	});
});

describe('errors keep their cause', () => {
	it('a selection that cannot run is refused at publish with the selection error as cause', async () => {
		const error = await callHook('create', { category: 'bill', events: [CUSTOM_EVENT], customEvents: 'a, b, c, d, e, f' }).catch((e: unknown) => e);
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: 'A DealPOS Trigger takes at most 5 custom events (6 named): use a second trigger for the others',
		});
		expect((error as { cause?: Error }).cause?.constructor.name).toBe('SelectionError');
	});
});

describe('versions', () => {
	it('new nodes are version 2 (n8n evaluates no expression to receive them); version 1 keeps working', () => {
		expect(node.description.version).toEqual([1, 2]);
		expect(node.description.defaultVersion).toBe(2);
	});
});
