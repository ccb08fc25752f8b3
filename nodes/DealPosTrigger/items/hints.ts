import type { IDataObject, INodeExecutionData, NodeExecutionHint } from 'n8n-workflow';

import type { Problem } from './normalize';

/**
 * The output-pane hint of a delivery whose items carry problems (`dealpos.problems`): how many, and
 * the first one, so a payload that does not match the documentation does not look like a success.
 * Undefined when every item is clean.
 */
export function problemsHint(
	items: INodeExecutionData[],
	/** What has the problems: a delivery (the trigger), or the records the DealPOS node read. */
	subject = 'This DealPOS delivery has',
): NodeExecutionHint | undefined {
	let count = 0;
	let first: Problem | undefined;
	for (const item of items) {
		const meta = item.json.dealpos as IDataObject | undefined;
		const problems = (meta?.problems ?? []) as Problem[];
		if (!Array.isArray(problems) || !problems.length) continue;
		// Split items (Split Line Items) repeat the problems outside the lines on every line, and
		// later ones carry notes of parent fields left out: those count on the first item only.
		const line = meta?.line as { field?: unknown; index?: unknown } | undefined;
		const ownOnly = line !== undefined && typeof line.field === 'string' && line.index !== 0;
		for (const problem of problems) {
			if (ownOnly && !String(problem.path).startsWith(`${line.field as string}[`)) continue;
			count++;
			first ??= problem;
		}
	}
	if (!first) return undefined;
	const where = first.path ? `${first.path}: ` : '';
	return {
		message: `${subject} ${count} problem${count === 1 ? '' : 's'} (dealpos.problems). First: ${where}${first.message}`,
		type: 'warning',
		location: 'outputPane',
	};
}
