import type {
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	IWebhookDescription,
	NativeParameterResolvers,
	NodeHint,
	NodeParameterValueType,
	TriggerPanelDefinition,
	WEBHOOK_RESOLVERS as ResolversKey,
} from 'n8n-workflow';

import { CATEGORIES, CUSTOM_EVENT } from './catalog';
import type { DealPosCategory, DealPosEvent } from './catalog';

/** Slugs of the categories whose events DealPOS waits to be answered (loyalty). */
export const SYNC_CATEGORIES = CATEGORIES.filter((c) => c.events.some((e) => e.synchronous)).map(
	(c) => c.slug,
);

const syncExpr = `${JSON.stringify(SYNC_CATEGORIES)}.includes($parameter["category"])`;

/**
 * n8n-workflow's key for native resolvers of webhook description fields. It is `Symbol.for(...)`,
 * so this is the same symbol without a runtime import: n8n 2.41 and later read it, older versions
 * ignore it and evaluate the template.
 */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers') as typeof ResolversKey;

type Resolve = (parameters: INodeParameters) => NodeParameterValueType | undefined;

/**
 * A webhook description field as a template (what the editor reads and what older n8n evaluates)
 * plus the same computation in plain code. n8n 2.41+ uses the code when the node's parameters hold
 * no expression, so answering a delivery evaluates no expression for these fields. The two must
 * agree: test/properties.test.ts checks them against each other for every category and mode.
 */
function withResolvers(
	description: IWebhookDescription,
	fields: Record<string, Resolve>,
): IWebhookDescription {
	const resolvers: NativeParameterResolvers = {};
	for (const [field, resolve] of Object.entries(fields)) {
		resolvers[field] = { template: String(description[field]), resolve };
	}
	return { ...description, [WEBHOOK_RESOLVERS]: resolvers };
}

const isSync = (p: INodeParameters) => SYNC_CATEGORIES.includes(p.category as string);

/**
 * The node's two webhooks.
 *
 * `default` serves every event of the chosen category, each on its own URL:
 * `<n8n>/webhook/<webhookId>/<webhookId>/<category>/<event>`. The `:event` route parameter is what
 * lets one node answer any event of its category (2xx for events it does not listen to, instead of
 * n8n's 404 that DealPOS would never retry). n8n stores such a route by its path alone and always
 * puts the node's webhookId in front of the URL, so the path starts with the webhookId too: without
 * it, a second DealPOS Trigger on the same category anywhere in the instance could not be published
 * ("path already taken").
 *
 * `setup` serves the OAuth 2.0 token endpoint `<n8n>/webhook/<webhookId>/oauth/token`.
 */
export const WEBHOOKS: IWebhookDescription[] = [
	withResolvers(
		{
			name: 'default',
			httpMethod: 'POST',
			isFullPath: true,
			// $webhookId is not a parameter: this one field still needs n8n's expression engine.
			path: '={{$webhookId}}/{{$parameter["category"]}}/:event',
			// Ordinary events are answered by the node itself at once; loyalty events by the workflow.
			responseMode: `={{ ${syncExpr} ? $parameter["responseMode"] : "onReceived" }}`,
			// '' makes n8n send the node's own answer ({"status":"success"}) instead of the item.
			responseData: `={{ ${syncExpr} && $parameter["responseMode"] === "lastNode" ? "firstEntryJson" : "" }}`,
		},
		{
			responseMode: (p) => (isSync(p) ? p.responseMode : 'onReceived'),
			responseData: (p) => (isSync(p) && p.responseMode === 'lastNode' ? 'firstEntryJson' : ''),
		},
	),
	{
		name: 'setup',
		httpMethod: 'POST',
		path: 'oauth/token',
		responseMode: 'onReceived',
		responseData: '',
		ndvHideUrl: '={{ $parameter["authentication"] !== "dealPosApi" }}',
		ndvHideMethod: true,
	},
];

function eventOption(event: DealPosEvent): INodePropertyOptions {
	const sync = event.synchronous ? ' DealPOS waits for the answer.' : '';
	return { name: event.name, value: event.slug, description: `${event.description}${sync}` };
}

const customOption: INodePropertyOptions = {
	name: 'Custom Event',
	value: CUSTOM_EVENT,
	description: 'An event the DealPOS documentation does not list: name it below',
};

/** One Events selection per category, showing only that category's events. */
function eventsProperty(category: DealPosCategory): INodeProperties {
	const documented = category.events.map(eventOption);
	// Categories with no documented event start on the custom event.
	const defaultEvents = documented.length ? [] : [CUSTOM_EVENT];
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		displayOptions: { show: { category: [category.slug] } },
		options: [...documented, customOption],
		default: [...defaultEvents],
		description: `Which ${category.name} events start this workflow. Each gets its own URL to paste into DealPOS.`,
	};
}

/**
 * The setup notice: where in DealPOS to paste the URLs, then one line per selected event (a notice
 * per event, shown while that event is selected: n8n notices cannot compute text).
 */
function urlNotices(category: DealPosCategory): INodeProperties[] {
	const show = { category: [category.slug] };
	const header: INodeProperties = {
		displayName: `Paste one URL per event into DealPOS, ${category.setupPlace}: the Production URL under "Webhook URLs" above, with :event replaced as listed below. The URLs stay the same when the workflow is saved or published again.`,
		name: `setup_${category.slug}`,
		type: 'notice',
		default: '',
		displayOptions: { show },
	};
	const lines = category.events.map(
		(event): INodeProperties => ({
			displayName: `${event.name}: …/${category.slug}/${event.slug}`,
			name: `url_${category.slug}_${event.slug}`,
			type: 'notice',
			default: '',
			displayOptions: { show: { ...show, events: [event.slug] } },
		}),
	);
	const custom: INodeProperties = {
		displayName: `Custom events: …/${category.slug}/{name}, one URL per name in Custom Event Names (lowercase, words joined by hyphens)`,
		name: `url_${category.slug}_custom`,
		type: 'notice',
		default: '',
		displayOptions: { show: { ...show, events: [CUSTOM_EVENT] } },
	};
	return [header, ...lines, custom];
}

/** What the editor's trigger panel says while the node listens, and once the workflow is published. */
export const TRIGGER_PANEL: TriggerPanelDefinition = {
	header: 'Pull in events from DealPOS',
	executionsHelp: {
		inactive:
			"<b>While building:</b> click 'Execute step' to listen, then post an event to the Test URL (Webhook URLs > Test URL, :event replaced), e.g. with <code>npx -p n8n-nodes-dealpos dealpos-send customer.created &lt;test URL&gt;</code>: the items appear here. The trigger's output pane also takes sample items (examples/samples in the package) through 'Set mock data'.<br/><br/><b>In production:</b> publish the workflow and paste the Production URLs into DealPOS; each delivery then starts an execution, listed under Executions.",
		active:
			'<b>The workflow is published:</b> every DealPOS delivery to a Production URL starts an execution, listed under Executions. Events the node does not listen to are acknowledged and start nothing.',
	},
	activationHint: 'Publish the workflow, then paste the Production URLs into DealPOS: it sends each event to its URL.',
};

/** The documented answers of the synchronous events, shown as hints while such an event is selected. */
export const HINTS: NodeHint[] = CATEGORIES.flatMap((category) =>
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

export const PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'DealPOS Webhook API', value: 'dealPosApi' },
			{ name: 'None', value: 'none' },
		],
		default: 'none',
		description: 'How the node checks that a call really comes from DealPOS',
	},
	{
		displayName:
			'Without authentication anyone who learns these URLs can post fake records into this workflow. Choose DealPOS Webhook API to require a header secret, basic auth or an OAuth 2.0 token.',
		name: 'noAuthNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName:
			'For OAuth 2.0, the second URL under "Webhook URLs" (ending in /oauth/token) is the ServerAuthenticationURL to enter in DealPOS',
		name: 'tokenUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['dealPosApi'] } },
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		noDataExpression: true,
		required: true,
		options: CATEGORIES.map((c) => ({ name: c.name, value: c.slug, description: c.description })),
		default: 'customer',
		description: 'The DealPOS webhook category',
	},
	...CATEGORIES.map(eventsProperty),
	...CATEGORIES.flatMap(urlNotices),
	{
		displayName: 'Custom Event Names',
		name: 'customEvents',
		type: 'string',
		default: '',
		placeholder: 'e.g. updated, restored',
		displayOptions: { show: { events: [CUSTOM_EVENT] } },
		description:
			'Comma-separated names of events the DealPOS documentation does not list. Each gets the URL .../&lt;category&gt;/&lt;name&gt; (lowercase, words joined by hyphens); its body is passed through without a schema.',
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
					"IANA timezone of the DealPOS account: its timestamps carry no offset. Empty uses the workflow's timezone.",
			},
		],
	},
];
