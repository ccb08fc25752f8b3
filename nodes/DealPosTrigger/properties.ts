import type { INodeParameters, INodeProperties, INodePropertyOptions, NodeHint, TriggerPanelDefinition } from 'n8n-workflow';

import { CATEGORIES, CUSTOM_EVENT, findCategory, toSlug } from './catalog';
import type { DealPosCategory, DealPosEvent } from './catalog';
import { CUSTOM_CATALOG, customEventSlugs, fromFunction, MAX_CUSTOM_EVENTS, SYNC_CATEGORIES } from './webhooks';

export { SYNC_CATEGORIES, WEBHOOKS } from './webhooks';

function eventOption(event: DealPosEvent): INodePropertyOptions {
	const sync = event.synchronous ? ' DealPOS waits for the answer.' : '';
	return { name: event.name, value: event.slug, description: `${event.description}${sync}` };
}

const customOption: INodePropertyOptions = {
	name: 'Custom Event',
	value: CUSTOM_EVENT,
	description: 'An event the DealPOS documentation does not list: name it below',
};

/** Name of the method that lists a category's events (the node's methods.loadOptions). */
export const EVENTS_METHOD = 'getEvents';

/**
 * The Events selection: ONE property whose options are the chosen category's events, listed by
 * {@link eventOptions} when the editor opens it or the category changes. n8n walks a node's whole
 * description several times per delivery (parameter defaults and display rules, each time it
 * builds the workflow): one selection per category (18) made that walk the largest cost this node
 * added to a delivery (docs/benchmarks.md). The label and description are n8n's for a list loaded
 * this way.
 */
const eventsProperty: INodeProperties = {
	displayName: 'Event Names or IDs',
	name: 'events',
	type: 'multiOptions',
	required: true,
	typeOptions: { loadOptionsMethod: EVENTS_METHOD, loadOptionsDependsOn: ['category'] },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The events of a category as the Events selection lists them: documented ones, then Custom Event. */
export function eventOptions(categorySlug: string): INodePropertyOptions[] {
	const category = findCategory(categorySlug);
	if (!category) return [];
	return [...category.events.map(eventOption), customOption];
}

/**
 * Where to paste the URLs: one notice per place in DealPOS (the URLs themselves are listed under
 * "Webhook URLs", one per selected event).
 */
function setupNotices(): INodeProperties[] {
	const places = [...new Set(CATEGORIES.map((c) => c.setupPlace))];
	return places.map((place, index) => ({
		displayName: `Paste each URL under "Webhook URLs" (above: open it, choose Production URL, click a URL to copy it) into DealPOS, ${place}. There is one URL per selected event, custom events included; they stay the same when the workflow is saved or published again.`,
		name: `setupNotice${index}`,
		type: 'notice',
		default: '',
		displayOptions: { show: { category: CATEGORIES.filter((c) => c.setupPlace === place).map((c) => c.slug) } },
	}));
}

/** The node's subtitle on the canvas: "Invoice: Invoice Created, restored (custom)". Self-contained. */
function subtitleOf(
	parameters: INodeParameters,
	names: Record<string, { name: string; events: Record<string, string> }>,
	catalog: typeof CUSTOM_CATALOG,
	slugOf: (name: string) => string,
	slugsOf: typeof customEventSlugs,
): string {
	const category = names[String(parameters.category)];
	if (!category) return '';
	const events: unknown[] = Array.isArray(parameters.events) ? parameters.events : [];
	const labels: string[] = [];
	for (const value of events) if (value !== catalog.customValue) labels.push(category.events[String(value)] || String(value));
	for (const slug of slugsOf(parameters, catalog, slugOf)) labels.push(slug + ' (custom)');
	return category.name + ': ' + labels.join(', ');
}

const NAMES = Object.fromEntries(
	CATEGORIES.map((c) => [c.slug, { name: c.name, events: Object.fromEntries(c.events.map((e) => [e.slug, e.name])) }]),
);
export const SUBTITLE = fromFunction(subtitleOf, NAMES, CUSTOM_CATALOG, toSlug, customEventSlugs).template;

/** What the editor's trigger panel says while the node listens, and once the workflow is published. */
export const TRIGGER_PANEL: TriggerPanelDefinition = {
	header: 'Pull in events from DealPOS',
	executionsHelp: {
		inactive:
			"<b>While building:</b> in the node's parameters open <i>Webhook URLs</i>, choose <i>Test URL</i> and copy the URL of an event; click 'Listen for test event', then have DealPOS send that event to the Test URL, or post its example yourself with <code>npx dealpos-send &lt;event&gt; &lt;Test URL&gt;</code> (the hint below names the first event of the category; <code>dealpos-send list</code> names them all). The items appear here. Sample items for every event, to paste into the output pane through 'Set mock data', are in <code>examples/samples</code> of the n8n-nodes-dealpos repository.<br/><br/><b>In production:</b> publish the workflow and paste the Production URLs into DealPOS; each delivery then starts an execution, listed under Executions.",
		active:
			'<b>The workflow is published:</b> every DealPOS delivery to a Production URL starts an execution, listed under Executions. Events of the category the node does not listen to are acknowledged and start nothing; a URL of another category is answered with an error that lists the right URLs.',
	},
	activationHint: 'Publish the workflow, then paste the Production URLs into DealPOS: it sends each event to its URL.',
};

/** Per category: how to send a test event of its first event (shown before the node has run). */
function testHint(category: DealPosCategory): NodeHint {
	const first = category.events[0];
	const send = first
		? `npx dealpos-send ${first.key} &lt;its Test URL&gt;`
		: `npx dealpos-send &lt;your custom event&gt; &lt;its Test URL&gt; --body record.json`;
	return {
		message: `Test ${/^[AEIOU]/.test(category.name) ? 'an' : 'a'} ${category.name} event: open Webhook URLs above, choose Test URL and copy the URL${first ? ` of ${first.name}` : ''}; click 'Listen for test event' and send it from DealPOS, or run <code>${send}</code>.`,
		type: 'info',
		location: 'outputPane',
		whenToDisplay: 'beforeExecution',
		displayCondition: `={{ $parameter["category"] === "${category.slug}" }}`,
	};
}

/** The documented answers of the synchronous events, shown as hints while such an event is selected. */
const answerHints: NodeHint[] = CATEGORIES.flatMap((category) =>
	category.events
		.filter((event) => event.answers?.length || event.answerFields?.length)
		.map((event): NodeHint => {
			const examples = (event.answers ?? []).map((a) => `${a.status} ${JSON.stringify(a.body)}`);
			const fields = (event.answerFields ?? []).map((f) => `${f.path} (${f.enum?.join(' | ') ?? f.type})`);
			const shape = examples.length ? examples.join(' or ') : `an object with ${fields.join(', ')}`;
			return {
				message: `${event.name}: DealPOS waits up to 30 s and uses the answer body. Documented answer: ${shape}.`,
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'always',
				displayCondition: `={{ $parameter["category"] === "${category.slug}" && ($parameter["events"] || []).includes("${event.slug}") }}`,
			};
		}),
);

export const HINTS: NodeHint[] = [...answerHints, ...CATEGORIES.map(testHint)];

export const PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'DealPOS Webhook Authentication API', value: 'dealPosWebhookAuthApi' },
			{ name: 'None', value: 'none' },
		],
		default: 'none',
		description: 'How the node checks that a call really comes from DealPOS',
	},
	{
		displayName:
			'Without authentication anyone who learns these URLs can post fake records into this workflow. Choose DealPOS Webhook Authentication API to require a header secret, basic auth or an OAuth 2.0 token.',
		name: 'noAuthNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName:
			'For OAuth 2.0, the URL under "Webhook URLs" ending in /oauth/token (after the event URLs) is the ServerAuthenticationURL to enter in DealPOS',
		name: 'tokenUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['dealPosWebhookAuthApi'] } },
	},
	{
		// "Trigger On" is what n8n's nodes panel reads to list this trigger's actions: one per
		// category ("On invoice event"), which opens the node with that category chosen.
		displayName: 'Trigger On',
		name: 'category',
		type: 'options',
		noDataExpression: true,
		required: true,
		options: CATEGORIES.map((c) => ({
			name: c.name,
			value: c.slug,
			description: c.description,
			action: `On ${c.name.toLowerCase()} event`,
		})),
		default: 'customer',
		description: 'The DealPOS webhook category',
	},
	eventsProperty,
	...setupNotices(),
	{
		displayName: 'Custom Event Names',
		name: 'customEvents',
		type: 'string',
		default: '',
		placeholder: 'e.g. restored, paid',
		displayOptions: { show: { events: [CUSTOM_EVENT] } },
		description: `Comma-separated names of events the DealPOS documentation does not list (at most ${MAX_CUSTOM_EVENTS}). Each gets its own URL under Webhook URLs, ending in /&lt;category&gt;/&lt;name&gt; (lowercase, words joined by hyphens); its body is passed through without a schema. Renaming or removing a name changes or removes its URL.`,
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		displayOptions: { show: { category: SYNC_CATEGORIES } },
		options: [
			{
				name: 'When Last Node Finishes',
				value: 'lastNode',
				description: "The first item of the last node's output is the answer (status 200)",
			},
			{
				name: "Using 'Respond to Webhook' Node",
				value: 'responseNode',
				description:
					'A Respond to Webhook node sends the answer and its status code. Use that node at version 1, as in the example workflows: later versions only run after a core Webhook node.',
			},
		],
		default: 'lastNode',
		description:
			'DealPOS waits up to 30 s for the answer to loyalty events and uses its body: answer {"Point": 1208} to Fetch Loyalty Points, {"reward": 9000} to Order Complete, and the coupon details to Validate Coupon',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allowed IPs',
				name: 'allowedIps',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.7, 198.51.100.0/24',
				description:
					'Comma-separated IP addresses or CIDR ranges allowed to call; others get 403. Empty allows every address.',
			},
			{
				displayName: 'Include Request Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description: 'Whether to add the request headers to dealpos.headers (the values of authorization headers and of the header the credential names are redacted)',
			},
			{
				displayName: 'Invalid Payloads',
				name: 'onInvalid',
				type: 'options',
				options: [
					{
						name: 'Continue and List Problems',
						value: 'continue',
						description: 'The item flows on; dealpos.problems lists what does not match the documentation',
					},
					{
						name: 'Fail the Execution',
						value: 'fail',
						description:
							'The execution fails, its error listing the problems and the body. n8n answers DealPOS with an error (500), so DealPOS retries once 7 s later: both attempts are recorded as failed executions with the body.',
					},
				],
				default: 'continue',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'Normalised',
						value: 'normalised',
						description: 'Dates as ISO 8601 with offset, numbers as numbers, Yes/No as booleans',
					},
					{ name: 'Raw', value: 'raw', description: 'The body exactly as DealPOS sent it' },
				],
				default: 'normalised',
			},
			{
				displayName: 'Split Line Items',
				name: 'splitLines',
				type: 'boolean',
				default: false,
				description:
					'Whether to output one item per line (Variants, Payments, AdjustedInventory...) with the parent record beside it',
			},
			{
				displayName: 'Timezone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Asia/Jakarta',
				description:
					"IANA timezone of the DealPOS account: its timestamps carry no offset. Empty uses the workflow's timezone; a name that is no timezone is refused when the workflow is published.",
			},
		],
	},
];
