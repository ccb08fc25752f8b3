import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { problemsHint } from '../DealPosTrigger/items/hints';
import { OPERATIONS, type Operation } from './actions';
import { DEFAULT_MAX_WAIT_SECONDS } from './descriptions';
import { apiBaseUrl } from './transport/baseUrl';
import { CREDENTIAL_NAME, DealPosClient } from './transport/client';

/**
 * Runs the selected operation once per input item, with one DealPOS client for the execution
 * (one rate limit budget; the token is n8n's, in the credential).
 */
export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const input = ctx.getInputData();
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	let baseUrl: string;
	try {
		baseUrl = apiBaseUrl(credentials.subdomain);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message);
	}
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const maxWait = Number(options.maxWait ?? DEFAULT_MAX_WAIT_SECONDS);
	const client = new DealPosClient(ctx, baseUrl, Math.max(0, Number.isFinite(maxWait) ? maxWait : DEFAULT_MAX_WAIT_SECONDS) * 1000);
	const timezone = ctx.getTimezone();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < input.length; i++) {
		const name = `${ctx.getNodeParameter('resource', i) as string}.${ctx.getNodeParameter('operation', i) as string}`;
		const handler = OPERATIONS[name];
		try {
			if (!handler) throw new NodeOperationError(ctx.getNode(), `Unknown operation ${name}`, { itemIndex: i });
			const op: Operation = { ctx, client, timezone, name };
			out.push(...(await handler(op, i)));
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
				continue;
			}
			if (error instanceof NodeApiError) {
				// Already n8n's error (a re-wrap hands back the same one): name the item.
				error.context.itemIndex ??= i;
				throw new NodeApiError(ctx.getNode(), error as unknown as JsonObject, { itemIndex: i });
			}
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
		}
	}
	const hint = problemsHint(out, 'The records DealPOS returned have');
	if (hint) ctx.addExecutionHints(hint);
	return [out];
}
