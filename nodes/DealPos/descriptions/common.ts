import type { INodeProperties } from 'n8n-workflow';

type Show = { resource: string[]; operation: string[] };

function show(resource: string, operations: string[]): { show: Show } {
	return { show: { resource: [resource], operation: operations } };
}

/** Return All and Limit for a list operation. */
export function paging(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show(resource, [operation]),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { resource: [resource], operation: [operation], returnAll: [false] } },
		},
	];
}

/** From and To (days, in the workflow's time zone) of a list DealPOS filters by date. */
export function dateRange(
	resource: string,
	operations: string[],
	what: string,
	required = true,
): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			required,
			description: `First day of the ${what} to return (DealPOS compares days, in the shop's time zone)`,
			displayOptions: show(resource, operations),
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			required,
			description: `Last day of the ${what} to return, included`,
			displayOptions: show(resource, operations),
		},
	];
}

export function operationsOf(
	resource: string,
	options: Array<{ name: string; value: string; action: string; description: string }>,
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultValue,
	};
}

export { show };
