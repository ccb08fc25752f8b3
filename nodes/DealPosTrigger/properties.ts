import type { INodeProperties, INodePropertyOptions, IWebhookDescription } from 'n8n-workflow';

import { CATEGORIES, CUSTOM_EVENT } from './catalog';
import type { DealPosCategory, DealPosEvent } from './catalog';

/** Slugs of the categories whose events DealPOS waits to be answered (loyalty). */
export const SYNC_CATEGORIES = CATEGORIES.filter((c) => c.events.some((e) => e.synchronous)).map(
	(c) => c.slug,
);

const syncExpr = `${JSON.stringify(SYNC_CATEGORIES)}.includes($parameter["category"])`;

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
	{
		name: 'default',
		httpMethod: 'POST',
		isFullPath: true,
		path: '={{$webhookId}}/{{$parameter["category"]}}/:event',
		// Ordinary events are answered by the node itself at once; loyalty events by the workflow.
		responseMode: `={{ ${syncExpr} ? $parameter["responseMode"] : "onReceived" }}`,
		// '' makes n8n send the node's own answer ({"status":"success"}) instead of the item.
		responseData: `={{ ${syncExpr} && $parameter["responseMode"] === "lastNode" ? "firstEntryJson" : "" }}`,
	},
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
		default: defaultEvents,
		description: `Which ${category.name} events start this workflow. Each gets its own URL to paste into DealPOS.`,
	};
}

export const PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'DealPOS Webhook Auth', value: 'dealPosApi' },
			{ name: 'None', value: 'none' },
		],
		default: 'none',
		description: 'How the node checks that a call really comes from DealPOS',
	},
	{
		displayName:
			'Without authentication anyone who learns these URLs can post fake records into this workflow. Choose DealPOS Webhook Auth to require a header secret, basic auth or an OAuth 2.0 token.',
		name: 'noAuthNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
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
				name: "Using 'Respond to Webhook' Node",
				value: 'responseNode',
				description: 'A Respond to Webhook node sends the answer DealPOS shows at the till',
			},
			{
				name: 'When Last Node Finishes',
				value: 'lastNode',
				description: "The first item of the last node's output is the answer",
			},
		],
		default: 'responseNode',
		description:
			'DealPOS waits up to 30 s for the answer to loyalty events and uses its body: answer {"Point": 1208} to Fetch Loyalty Points, {"reward": 9000} to Order Complete, and the coupon details to Validate Coupon',
	},
];
