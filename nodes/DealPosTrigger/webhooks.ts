/**
 * The trigger's webhooks: one per documented event, with a static path, so each event has its own
 * URL `<n8n>/webhook/<webhookId>/<category>/<event>` that the editor lists (only while the event
 * is selected) and that n8n routes without evaluating any expression; up to
 * {@link MAX_CUSTOM_EVENTS} more for the custom events a user names; and the OAuth 2.0 token
 * endpoint `<n8n>/webhook/<webhookId>/oauth/token`.
 *
 * Every event webhook is registered whatever the node's category, so a delivery to an event of
 * another category reaches the node, which answers it as a setup mistake. n8n tells the node which
 * webhook was called through its name (`getWebhookName()`): the event key, `custom-<n>`, or
 * `setup` for the token endpoint (the one that carries the publish-time checks).
 */
import type {
	INodeParameters,
	IWebhookDescription,
	NativeParameterResolvers,
	NodeParameterValueType,
	WEBHOOK_RESOLVERS as ResolversKey,
	WebhookType,
} from 'n8n-workflow';

import { CATEGORIES, CUSTOM_EVENT, isSynchronous, toSlug } from './catalog';
import type { DealPosCategory, DealPosEvent } from './catalog';

/** Custom events a trigger can name: each one is a webhook of its own. */
export const MAX_CUSTOM_EVENTS = 5;

/** Name of the token endpoint's webhook. */
export const TOKEN_WEBHOOK = 'setup';

/** Name of the webhook of the n-th custom event. */
export function customWebhookName(index: number): string {
	return `custom-${index}`;
}

/** Slugs of the categories whose events DealPOS waits to be answered (loyalty). */
export const SYNC_CATEGORIES = CATEGORIES.filter(isSynchronous).map((c) => c.slug);

/** Documented event slugs by category slug (custom events never take these). */
const DOCUMENTED: Record<string, string[]> = Object.fromEntries(
	CATEGORIES.map((c) => [c.slug, c.events.map((e) => e.slug)]),
);

/**
 * n8n-workflow's key for native resolvers of webhook description fields. It is `Symbol.for(...)`,
 * so this is the same symbol without a runtime import: n8n 2.41 and later read it, older versions
 * ignore it and evaluate the template.
 */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers') as typeof ResolversKey;

type Resolve = (parameters: INodeParameters) => NodeParameterValueType | undefined;
type Field = { template: string; resolve: Resolve };

/**
 * A webhook description field computed by `fn` from the node's parameters and constant arguments:
 * JSON values, or self-contained functions (inlined by their source). The template (what the
 * editor and n8n before 2.41 evaluate) and the resolver (what n8n 2.41+ runs when the parameters
 * hold no expression) come from this one declaration, so they cannot drift: the idea of
 * n8n-workflow's `fromFunction`, which only n8n 2.41+ ships, with arguments. `fn` must not close
 * over anything and its source must not contain `}}`.
 */
export function fromFunction<A extends unknown[]>(
	fn: (parameters: INodeParameters, ...args: A) => NodeParameterValueType | undefined,
	...args: A
): Field {
	// Indented JSON: closing braces on lines of their own, never the "}}" that ends an expression.
	const source = (value: unknown) => (typeof value === 'function' ? `(${String(value)})` : JSON.stringify(value, null, 1));
	const list = ['$parameter', ...args.map(source)].join(', ');
	return { template: `={{(${String(fn)})(${list})}}`, resolve: (parameters) => fn(parameters, ...args) };
}

/** Description fields from {@link fromFunction} declarations: templates plus their resolvers. */
function computed(fields: Record<string, Field>): Partial<IWebhookDescription> {
	const templates: Record<string, string> = {};
	const resolvers: NativeParameterResolvers = {};
	for (const [name, field] of Object.entries(fields)) {
		templates[name] = field.template;
		resolvers[name] = field;
	}
	return { ...templates, [WEBHOOK_RESOLVERS]: resolvers } as Partial<IWebhookDescription>;
}

/** What a custom event's webhook knows of the catalog: JSON, inlined into its templates. */
interface CustomSlot {
	/** Which custom event (0-based, in the order the user typed them). */
	index: number;
	/** Documented event slugs by category slug (custom events never take these). */
	documented: Record<string, string[]>;
	/** The Events option that stands for custom events. */
	customValue: string;
}

/**
 * The custom event slugs of a node's parameters, in the order typed: without duplicates, names
 * with no letter or digit, and documented events of the category (those have their own webhook).
 * Self-contained: its source is inlined into expressions.
 */
export function customEventSlugs(
	parameters: INodeParameters,
	slot: Omit<CustomSlot, 'index'>,
	slugOf: (name: string) => string,
): string[] {
	const events: unknown[] = Array.isArray(parameters.events) ? parameters.events : [];
	if (!events.includes(slot.customValue)) return [];
	const own = slot.documented[String(parameters.category)] || [];
	const slugs: string[] = [];
	for (const name of String(parameters.customEvents || '').split(',')) {
		const slug = slugOf(name);
		if (slug && !slugs.includes(slug) && !own.includes(slug)) slugs.push(slug);
	}
	return slugs;
}

/** The catalog as custom-event webhooks see it. */
export const CUSTOM_CATALOG = { documented: DOCUMENTED, customValue: CUSTOM_EVENT };

/** The custom event slugs of `parameters` (see {@link customEventSlugs}). */
export function customSlugsOf(parameters: INodeParameters): string[] {
	return customEventSlugs(parameters, CUSTOM_CATALOG, toSlug);
}

/** Path of the n-th custom event's webhook; a placeholder no URL of DealPOS can hit when unused. */
function customPath(parameters: INodeParameters, slot: CustomSlot, slugOf: (name: string) => string, slugsOf: typeof customEventSlugs): string {
	const slug = slugsOf(parameters, slot, slugOf)[slot.index];
	return String(parameters.category) + '/' + (slug === undefined ? '__unused-custom-' + slot.index : slug);
}

/** Whether the n-th custom event's webhook is unused (its URL is then hidden). */
function customUnused(parameters: INodeParameters, slot: CustomSlot, slugOf: (name: string) => string, slugsOf: typeof customEventSlugs): boolean {
	return slugsOf(parameters, slot, slugOf)[slot.index] === undefined;
}

/** Loyalty events are answered by the workflow: the last node, or a Respond to Webhook node. */
function syncResponseMode(parameters: INodeParameters): string {
	return parameters.responseMode === 'responseNode' ? 'responseNode' : 'lastNode';
}

/** `firstEntryJson` sends the last node's first item; '' leaves the answer to the node or Respond to Webhook. */
function syncResponseData(parameters: INodeParameters): string {
	return parameters.responseMode === 'responseNode' ? '' : 'firstEntryJson';
}

/** Custom events answer like their category: loyalty ones by the workflow, others at once. */
function customResponseMode(parameters: INodeParameters, sync: string[]): string {
	if (!sync.includes(String(parameters.category))) return 'onReceived';
	return parameters.responseMode === 'responseNode' ? 'responseNode' : 'lastNode';
}

function customResponseData(parameters: INodeParameters, sync: string[]): string {
	if (!sync.includes(String(parameters.category))) return '';
	return parameters.responseMode === 'responseNode' ? '' : 'firstEntryJson';
}

/** Ordinary events: the node answers {"status":"success"} at once ('' sends the node's answer). */
const ANSWERED_BY_NODE = { responseMode: 'onReceived', responseData: '' };

/**
 * Whether the editor hides a documented event's URL: it shows while the event is selected in its
 * category, or named under Custom Event Names (a documented event typed there is listened to at
 * its own URL, see selection.ts). Self-contained: its source is inlined into an expression.
 */
function eventUrlHidden(
	parameters: INodeParameters,
	category: string,
	slug: string,
	customValue: string,
	slugOf: (name: string) => string,
): boolean {
	if (String(parameters.category) !== category) return true;
	const events: unknown[] = Array.isArray(parameters.events) ? parameters.events : [];
	if (events.includes(slug)) return false;
	if (!events.includes(customValue)) return true;
	return !String(parameters.customEvents || '')
		.split(',')
		.some((name) => slugOf(name) === slug);
}

function eventWebhook(category: DealPosCategory, event: DealPosEvent): IWebhookDescription {
	const answers = event.synchronous
		? computed({ responseMode: fromFunction(syncResponseMode), responseData: fromFunction(syncResponseData) })
		: ANSWERED_BY_NODE;
	return {
		name: event.key as WebhookType,
		httpMethod: 'POST',
		path: `${category.slug}/${event.slug}`,
		...answers,
		ndvHideUrl: fromFunction(eventUrlHidden, category.slug, event.slug, CUSTOM_EVENT, toSlug).template,
		ndvHideMethod: true,
	};
}

function customWebhook(index: number): IWebhookDescription {
	const slot = [{ index, ...CUSTOM_CATALOG }, toSlug, customEventSlugs] as const;
	return <IWebhookDescription>{
		name: customWebhookName(index) as WebhookType,
		httpMethod: 'POST',
		...computed({
			path: fromFunction(customPath, ...slot),
			responseMode: fromFunction(customResponseMode, SYNC_CATEGORIES),
			responseData: fromFunction(customResponseData, SYNC_CATEGORIES),
		}),
		ndvHideUrl: fromFunction(customUnused, ...slot).template,
		ndvHideMethod: true,
	};
}

const TOKEN_ENDPOINT: IWebhookDescription = {
	name: TOKEN_WEBHOOK as WebhookType,
	httpMethod: 'POST',
	path: 'oauth/token',
	responseMode: 'onReceived',
	responseData: '',
	ndvHideUrl: '={{ $parameter["authentication"] !== "dealPosWebhookAuthApi" }}',
	ndvHideMethod: true,
};

export const WEBHOOKS: IWebhookDescription[] = [
	...CATEGORIES.flatMap((category) => category.events.map((event) => eventWebhook(category, event))),
	...Array.from({ length: MAX_CUSTOM_EVENTS }, (_, index) => customWebhook(index)),
	TOKEN_ENDPOINT,
];

/** The webhook of that name (`customer.created`, `custom-0`, `setup`). */
export function webhookNamed(name: string): IWebhookDescription | undefined {
	return WEBHOOKS.find((webhook) => (webhook.name as string) === name);
}
