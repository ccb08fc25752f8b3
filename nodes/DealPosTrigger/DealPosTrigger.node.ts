import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIAL_TEST_NAME, testDealPosWebhookAuthCredential } from './auth/credentialTest';
import { eventOptions, EVENTS_METHOD, HINTS, PROPERTIES, SUBTITLE, TRIGGER_PANEL } from './properties';
import { checkConfiguration } from './trigger/activation';
import { passOn } from './trigger/execute';
import { receive } from './trigger/webhook';
import { TOKEN_WEBHOOK, WEBHOOKS } from './webhooks';

export class DealPosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealPOS Trigger',
		name: 'dealPosTrigger',
		icon: { light: 'file:../../icons/dealpos.svg', dark: 'file:../../icons/dealpos.dark.svg' },
		group: ['trigger'],
		// Both versions behave the same. n8n reads `options.binaryData` of every version-1 trigger
		// through its expression engine on each delivery (an isolate per delivery on n8n 2.41);
		// from version 2 on it does not, so new nodes are version 2.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: SUBTITLE,
		description: 'Starts the workflow when DealPOS sends a webhook (invoices, customers, stock, shifts, loyalty)',
		defaults: { name: 'DealPOS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'dealPosWebhookAuthApi',
				required: true,
				displayOptions: { show: { authentication: ['dealPosWebhookAuthApi'] } },
				testedBy: 'dealPosWebhookAuthLocalTest',
			},
		],
		webhooks: WEBHOOKS,
		properties: PROPERTIES,
		hints: HINTS,
		triggerPanel: TRIGGER_PANEL,
	};

	methods = {
		credentialTest: { [CREDENTIAL_TEST_NAME]: testDealPosWebhookAuthCredential },
		loadOptions: {
			// The Events selection lists the events of the category chosen.
			async [EVENTS_METHOD](this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				return eventOptions(String(this.getCurrentNodeParameter('category') ?? ''));
			},
		},
	};

	webhookMethods = {
		// n8n runs these for the webhook of the same name: the token endpoint, registered once per
		// node whatever it listens to. Nothing is registered in DealPOS: create() only checks.
		[TOKEN_WEBHOOK]: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await checkConfiguration(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return passOn(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive(this);
	}
}
