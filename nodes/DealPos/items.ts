/**
 * Items of the DealPOS node, typed by the trigger's normaliser (items/normalize.ts) with the same
 * rules as webhook items: timestamps in the workflow's time zone with their offset, DealPOS's
 * "no date" (0001-01-01T00:00:00) as null, numbers sent as strings as numbers, fields nobody
 * documented kept as sent.
 *
 * Each item: the record's fields at top level, and `dealpos` ({@link ApiMeta}) as in trigger
 * items, with the mismatches in `dealpos.problems` (shown as a hint, as the trigger does).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { DealPosEvent } from '../DealPosTrigger/catalog';
import { cloneJson, normalize, type Problem } from '../DealPosTrigger/items/normalize';

export type ApiMeta = {
	/** Where the item comes from: `api` (the trigger's items say `category`/`event` instead). */
	source: 'api';
	/** Record kind: `invoice`, `payment`, ... */
	record: string;
	/** Resource and operation of the node that read it. */
	operation: string;
	problems: Problem[];
	/** The record as received, when it had a field of its own named `dealpos`. */
	raw?: unknown;
};

export function toItem(
	value: unknown,
	kind: DealPosEvent,
	operation: string,
	timezone: string,
	itemIndex: number,
): INodeExecutionData {
	const { data, problems } = normalize(value, kind, { timezone });
	const meta: ApiMeta = { source: 'api', record: kind.slug, operation, problems };
	if (value && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'dealpos')) {
		meta.raw = cloneJson(value);
	}
	return { json: { ...data, dealpos: meta as unknown as IDataObject }, pairedItem: { item: itemIndex } };
}
