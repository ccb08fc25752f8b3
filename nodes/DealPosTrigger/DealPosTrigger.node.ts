import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { PROPERTIES, WEBHOOKS } from './properties';
import { resolveSelection, SelectionError, type SelectedEvent } from './selection';
import { buildItems } from './items';

/** The answer DealPOS documents for ordinary events. */
const SUCCESS = { status: 'success' };

function selectedEvents(ctx: IHookFunctions | IWebhookFunctions): SelectedEvent[] {
	const category = ctx.getNodeParameter('category') as string;
	const events = ctx.getNodeParameter('events', []) as string[];
	const custom = ctx.getNodeParameter('customEvents', '') as string;
	try {
		return resolveSelection(category, events, custom);
	} catch (error) {
		const message = error instanceof SelectionError ? error.message : String(error);
		throw new NodeOperationError(ctx.getNode(), message);
	}
}

function rawBodyOf(ctx: IWebhookFunctions, body: unknown): string {
	const raw = (ctx.getRequestObject() as { rawBody?: Buffer | string }).rawBody;
	if (raw !== undefined) return raw.toString();
	return JSON.stringify(body) ?? '';
}

export class DealPosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealPOS Trigger',
		name: 'dealPosTrigger',
		icon: { light: 'file:../../icons/dealpos.svg', dark: 'file:../../icons/dealpos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["category"] + ": " + ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when DealPOS sends a webhook (invoices, customers, stock, shifts, loyalty)',
		defaults: { name: 'DealPOS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: WEBHOOKS,
		properties: PROPERTIES,
	};

	webhookMethods = {
		default: {
			// DealPOS has no API to register webhooks: the user pastes the URLs into DealPOS by hand.
			// Activation only checks that the configuration can run, so a broken one is refused when
			// the workflow is published instead of failing deliveries later.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (selectedEvents(this).length === 0) {
					throw new NodeOperationError(this.getNode(), 'Select at least one event', {
						description: 'Pick events in Events, or name custom events.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const category = this.getNodeParameter('category') as string;
		const params = this.getParamsData() as IDataObject;
		const slug = String(params.event ?? '');
		const event = selectedEvents(this).find((e) => e.slug === slug);
		if (!event) {
			// Acknowledged (2xx, so DealPOS does not retry) but nothing runs.
			return {
				webhookResponse: {
					status: 'ignored',
					message: `Event "${category}/${slug}" is not selected in this DealPOS Trigger`,
				},
			};
		}

		const body = this.getBodyData() as unknown;
		const { items } = buildItems(
			body,
			event.documented,
			{
				category,
				event: event.key,
				eventName: event.name,
				receivedAt: new Date().toISOString(),
				mode: this.getMode() === 'manual' ? 'test' : 'production',
				rawBody: rawBodyOf(this, body),
			},
			{ output: 'normalised', timezone: this.getTimezone(), splitLines: false, includeHeaders: false },
		);
		if (event.synchronous) return { workflowData: [items] };
		return { webhookResponse: SUCCESS, workflowData: [items] };
	}
}
