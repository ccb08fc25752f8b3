import type { DealPosField, FieldType } from '../catalog/types';

/**
 * What a documented field's value is in a normalised item: the catalog's wire type after the
 * coercions of `normalize()`. For the README field reference and the generated TypeScript types.
 *
 * A value DealPOS sends that cannot be coerced is kept as received and reported in
 * `dealpos.problems`; these descriptions describe a conforming delivery.
 */
export function describeFieldType(field: DealPosField): string {
	switch (field.format) {
		case 'date-time':
			return 'date-time (ISO 8601 with offset) or null';
		case 'date':
			return 'date (YYYY-MM-DD) or null';
		case 'yes-no':
			return 'boolean (sent as "Yes"/"No")';
		case 'uuid':
			return 'string (UUID)';
	}
	if (field.type === 'string' && field.enum && field.enum.length > 0) {
		return `string: ${field.enum.map((value) => JSON.stringify(value)).join(' or ')}`;
	}
	if (field.type === 'array' && field.itemsType) {
		return `array of ${plural(field.itemsType)}`;
	}
	return field.type;
}

/**
 * The TypeScript type of a documented scalar field after normalisation (`string | null` for
 * dates, `boolean` for "Yes"/"No" flags...). Objects and arrays are `IDataObject` and
 * `unknown[]` here; the type generator refines them from the nested field paths.
 */
export function tsTypeOf(field: DealPosField): string {
	switch (field.format) {
		case 'date-time':
		case 'date':
			return 'string | null';
		case 'yes-no':
			return 'boolean';
	}
	if (field.type === 'array') {
		return field.itemsType ? `Array<${scalarTsType(field.itemsType)}>` : 'unknown[]';
	}
	return scalarTsType(field.type);
}

function scalarTsType(type: FieldType): string {
	switch (type) {
		case 'number':
		case 'integer':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'object':
			return 'IDataObject';
		case 'array':
			return 'unknown[]';
		default:
			return 'string';
	}
}

function plural(type: FieldType): string {
	switch (type) {
		case 'integer':
			return 'integers';
		case 'boolean':
			return 'booleans';
		case 'object':
			return 'objects';
		case 'array':
			return 'arrays';
		case 'number':
			return 'numbers';
		default:
			return 'strings';
	}
}
