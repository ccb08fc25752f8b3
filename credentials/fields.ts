import type { INodeProperties } from 'n8n-workflow';

/** A required text field of a credential, shown where `displayOptions` says (everywhere without). */
export function requiredText(
	displayName: string,
	name: string,
	{ description, displayOptions, placeholder, defaultValue = '' }: Partial<Pick<INodeProperties, 'description' | 'displayOptions' | 'placeholder'>> & { defaultValue?: string } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: defaultValue,
		required: true,
		...(placeholder ? { placeholder } : {}),
		...(displayOptions ? { displayOptions } : {}),
		...(description ? { description } : {}),
	};
}

/** A required secret (password) field of a credential. */
export function requiredSecret(
	displayName: string,
	name: string,
	options: Partial<Pick<INodeProperties, 'description' | 'displayOptions'>> = {},
): INodeProperties {
	return { ...requiredText(displayName, name, options), typeOptions: { password: true } };
}

/** Shown for one choice of the credential's Authentication field. */
export function whenAuthentication(value: string): INodeProperties['displayOptions'] {
	return { show: { authentication: [value] } };
}
