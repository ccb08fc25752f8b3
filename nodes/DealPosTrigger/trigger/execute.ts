import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { problemsHint } from '../items/hints';

/**
 * n8n runs the trigger's execute() with the items its webhook emitted, as the first step of the
 * execution: they pass on unchanged and, when they carry problems, a hint shows in the output pane.
 */
export function passOn(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const hint = problemsHint(items);
	if (hint) ctx.addExecutionHints(hint);
	return [items];
}
