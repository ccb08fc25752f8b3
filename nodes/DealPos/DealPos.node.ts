import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { PROPERTIES } from './descriptions';
import { execute } from './execute';

export class DealPos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealPOS',
		name: 'dealPos',
		icon: { light: 'file:../../icons/dealpos.svg', dark: 'file:../../icons/dealpos.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Read DealPOS (point of sale) records through its REST API: invoices, returns, customers, payments, write-offs, loyalty points, outlets and inventory",
		defaults: { name: 'DealPOS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dealPosApi', required: true }],
		properties: PROPERTIES,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute(this);
	}
}
