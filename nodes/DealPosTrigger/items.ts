import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { DealPosEvent } from './catalog';

// Placeholder until the normaliser lands: passes the body through with the metadata.
export interface DeliveryContext {
	category: string;
	event: string;
	eventName: string;
	receivedAt: string;
	mode: 'test' | 'production';
	rawBody: string;
	headers?: IDataObject;
}

export interface OutputOptions {
	output: 'normalised' | 'raw';
	timezone: string;
	splitLines: boolean;
	includeHeaders: boolean;
}

export function buildItems(
	body: unknown,
	_documented: DealPosEvent | undefined,
	ctx: DeliveryContext,
	_options: OutputOptions,
): { items: INodeExecutionData[]; problems: [] } {
	const deliveryKey = createHash('sha256').update(`${ctx.event}\n${ctx.rawBody}`).digest('hex').slice(0, 32);
	const dealpos = { category: ctx.category, event: ctx.event, eventName: ctx.eventName, receivedAt: ctx.receivedAt, mode: ctx.mode, deliveryKey };
	const json = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as IDataObject), dealpos } : { body: body as IDataObject, dealpos };
	return { items: [{ json }], problems: [] };
}
