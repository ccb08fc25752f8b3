import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { PROPERTIES } from './description';
import { poll } from './poll';

export class DealPosCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealPOS Catch-up Trigger',
		name: 'dealPosCatchUpTrigger',
		icon: {
			light: 'file:../../icons/dealpos.svg',
			dark: 'file:../../icons/dealpos.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["record"] === "customer" ? "New customers" : "New invoices" }}',
		description: "Polls DealPOS's REST API for the new invoices and customers whose webhook delivery n8n missed",
		defaults: { name: 'DealPOS Catch-up Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dealPosApi', required: true }],
		properties: PROPERTIES,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll(this);
	}
}
