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

/** A collection of optional fields: Filters (shown where `displayOptions` says), or Options. */
export function collection(
	displayOptions: INodeProperties['displayOptions'],
	options: INodeProperties[],
	{ displayName = 'Filters', name = 'filters', placeholder = 'Add Filter' } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options,
	};
}

/** A text filter (or option) of a collection. */
export function text(
	displayName: string,
	name: string,
	description: string,
	placeholder?: string,
): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...(placeholder ? { placeholder } : {}), description };
}

/** A required text field, shown where `displayOptions` says. */
export function requiredText(
	displayName: string,
	name: string,
	displayOptions: INodeProperties['displayOptions'],
	{ placeholder, description }: { placeholder?: string; description?: string } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		...(placeholder ? { placeholder } : {}),
		...(description ? { description } : {}),
		displayOptions,
	};
}

/** An options field whose option names are their values (DealPOS's own words). */
export function choice(
	displayName: string,
	name: string,
	values: string[],
	defaultValue: string,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		options: values.map((value) => ({ name: value, value })),
		default: defaultValue,
		...(description ? { description } : {}),
	};
}

/** Find By: how a Get operation looks its record up. */
export function findBy(
	resource: string,
	operations: string[],
	options: Array<{ name: string; value: string; description?: string }>,
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options,
		default: defaultValue,
		displayOptions: show(resource, operations),
	};
}

/** The Get Many operation of a resource: lists `what` (plural, lower case). */
export function getMany(what: string, description: string) {
	return { name: 'Get Many', value: 'getAll', action: `Get many ${what}`, description };
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

/** The Operation field of a resource whose only operation is Get Many. */
export function getManyOnly(resource: string, what: string, description: string): INodeProperties {
	return operationsOf(resource, [getMany(what, description)], 'getAll');
}
