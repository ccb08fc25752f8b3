/**
 * The catalog as trees of documented positions, compiled once per event from field paths such as
 * `Variants[].Quantity`.
 */
import type { DealPosEvent, DealPosField } from '../../catalog/types';

/** How a documented value is coerced. */
export type Kind =
	| 'string'
	| 'number'
	| 'integer'
	| 'boolean'
	| 'yes-no'
	| 'date'
	| 'object'
	| 'array';

/** A documented position in a body: a field, or an array's items. */
export interface SchemaNode {
	kind: Kind;
	nonEmpty: boolean;
	/** Documented properties (objects). */
	props: Map<string, SchemaNode> | undefined;
	/** Keys of `props` that must be present. */
	required: string[];
	/** Documented items (arrays). */
	items: SchemaNode | undefined;
}

/**
 * The documented fields of an event as `normalize` uses them: the current fields plus those only
 * an older documentation version has. A body may follow either version, so a field is `required`
 * (or `nonEmpty`) only when every version says so.
 */
export function documentedFields(event: DealPosEvent): DealPosField[] {
	const older = event.olderVersion?.fields;
	if (!older) return event.fields;
	const olderByPath = new Map(older.map((field) => [field.path, field]));
	const currentPaths = new Set(event.fields.map((field) => field.path));
	const merged = event.fields.map((field) => {
		const other = olderByPath.get(field.path);
		const copy: DealPosField = { ...field };
		if (!other?.required) delete copy.required;
		if (!other?.nonEmpty) delete copy.nonEmpty;
		return copy;
	});
	for (const field of older) {
		if (currentPaths.has(field.path)) continue;
		const copy: DealPosField = { ...field };
		delete copy.required;
		delete copy.nonEmpty;
		merged.push(copy);
	}
	return merged;
}

const schemas = new WeakMap<DealPosEvent, SchemaNode>();

/** The compiled tree of an event (compiled on first use, then cached). */
export function schemaFor(event: DealPosEvent): SchemaNode {
	let schema = schemas.get(event);
	if (!schema) {
		schema = compile(documentedFields(event));
		schemas.set(event, schema);
	}
	return schema;
}

function newNode(kind: Kind): SchemaNode {
	return { kind, nonEmpty: false, props: undefined, required: [], items: undefined };
}

function kindOf(field: DealPosField): Kind {
	if (field.format === 'date-time' || field.format === 'date') return 'date';
	if (field.format === 'yes-no') return 'yes-no';
	return field.type;
}

/** Builds the tree of documented positions from paths like `Variants[].Quantity`. */
function compile(fields: DealPosField[]): SchemaNode {
	const root = newNode('object');
	for (const field of fields) {
		const segments = field.path.split('.');
		let parent = root;
		for (let s = 0; s < segments.length; s++) {
			const name = segments[s].replace(/(\[\])+$/, '');
			const depth = (segments[s].length - name.length) / 2;
			const last = s === segments.length - 1;
			let node = child(parent, name, depth > 0 ? 'array' : last ? kindOf(field) : 'object');
			for (let d = 0; d < depth; d++) {
				node.kind = 'array';
				node.items ??= newNode(d < depth - 1 ? 'array' : last ? kindOf(field) : 'object');
				node = node.items;
			}
			if (last) {
				applyField(node, field);
				if (field.required && depth === 0 && !parent.required.includes(name))
					parent.required.push(name);
			}
			parent = node;
		}
	}
	return root;
}

function child(parent: SchemaNode, name: string, kind: Kind): SchemaNode {
	parent.props ??= new Map();
	let node = parent.props.get(name);
	if (!node) {
		node = newNode(kind);
		parent.props.set(name, node);
	}
	return node;
}

function applyField(node: SchemaNode, field: DealPosField): void {
	node.kind = kindOf(field);
	node.nonEmpty = field.nonEmpty === true;
	if (field.type === 'array' && field.itemsType) node.items ??= newNode(field.itemsType);
}
