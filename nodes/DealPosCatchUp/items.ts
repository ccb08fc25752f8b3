/**
 * Items of the catch-up trigger: the REST API's record typed as the DealPOS node types it
 * (records.ts, the trigger's normaliser), and the `dealpos` metadata of webhook items with
 * `mode: 'catch-up'` and the record's identity as `recordKey`. `deliveryKey` is derived from the
 * event and that identity, so it is stable across polls (not from the body's bytes, which differ
 * from the webhook's).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { deliveryKey, type DealPosMeta } from '../DealPosTrigger/items';
import { cloneJson, normalize } from '../DealPosTrigger/items/normalize';
import type { CatchUpSource } from './sources';

export function toCatchUpItem(
	record: IDataObject,
	key: string,
	source: CatchUpSource,
	timezone: string,
	receivedAt: string,
): INodeExecutionData {
	const { data, problems } = normalize(record, source.record, { timezone });
	const meta: DealPosMeta = {
		category: source.category,
		event: source.event,
		eventName: source.eventName,
		receivedAt,
		mode: 'catch-up',
		deliveryKey: deliveryKey(source.event, key),
		recordKey: key,
		problems,
	};
	if (Object.prototype.hasOwnProperty.call(record, 'dealpos')) meta.raw = cloneJson(record);
	return { json: { ...data, dealpos: meta as unknown as IDataObject } };
}
