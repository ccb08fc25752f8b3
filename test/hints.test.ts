import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { DealPosTrigger } from '../nodes/DealPosTrigger/DealPosTrigger.node';
import { callWebhook } from './helpers';

/** Runs the trigger's execute() step (what n8n does with the items webhook() emitted). */
async function executeWith(items: INodeExecutionData[]) {
	const ctx = mock<IExecuteFunctions>();
	ctx.getInputData.mockReturnValue(items);
	const output = await new DealPosTrigger().execute.call(ctx);
	return { output, hints: ctx.addExecutionHints.mock.calls.flat() };
}

describe('a delivery with problems shows it in the output pane', () => {
	it('names the count and the first problem, and passes the items on unchanged', async () => {
		const { result } = await callWebhook({
			parameters: { category: 'invoice-payment', events: ['created'] },
			params: { event: 'created' },
			body: { ID: 'p-1', InvoiceID: 'i-1', Amount: 'a lot', Date: 'yesterday' },
		});
		const items = result.workflowData![0];
		const { output, hints } = await executeWith(items);
		expect(output).toEqual([items]);
		expect(hints).toHaveLength(1);
		expect(hints[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
		const problems = items[0].json.dealpos as { problems: Array<{ path: string; message: string }> };
		expect(hints[0].message).toBe(
			`This DealPOS delivery has ${problems.problems.length} problems (dealpos.problems). First: ${problems.problems[0].path}: ${problems.problems[0].message}`,
		);
		expect(problems.problems.length).toBeGreaterThan(2);
	});

	it('adds no hint for a clean delivery', async () => {
		const { result } = await callWebhook({
			parameters: { category: 'customer', events: ['created'] },
			params: { event: 'created' },
			body: {
				FirstName: 'John', LastName: 'Doe', Title: 'Mr', Birthdate: '2018-07-22T00:00:00', Phone: '1', Email: 'a@b.c',
				Gender: 0, Outlet: 'Outlet 1', Name: 'Mr John Doe', Code: '1011', Address: 'Jl. 1', City: 'Jakarta', Mobile: '08', MemberIdentification: '1',
			},
		});
		const { output, hints } = await executeWith(result.workflowData![0]);
		expect(hints).toEqual([]);
		expect(output[0]).toHaveLength(1);
	});
});
