import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { DealPosTrigger } from '../nodes/DealPosTrigger/DealPosTrigger.node';
import { findEvent } from '../nodes/DealPosTrigger/catalog';
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

describe('split items: the hint counts the delivery, not its copies', () => {
	const transfer = findEvent('transfer-order.created')!.example as { Variants: object[] } & Record<string, unknown>;
	async function hintOf(body: object, splitLines: boolean, category = 'transfer-order') {
		const { result } = await callWebhook({
			parameters: { category, events: ['created'], options: { splitLines } },
			params: { event: 'created' },
			body,
		});
		return (await executeWith(result.workflowData![0])).hints;
	}

	it('counts problems outside the lines once, and each line its own', async () => {
		// One problem outside the lines (State missing), several in the third line (empty).
		const rest: Record<string, unknown> = { ...transfer };
		delete rest.State;
		const body = { ...rest, Variants: [transfer.Variants[0], transfer.Variants[1], {}] };
		const whole = await hintOf(body, false);
		expect(whole).toHaveLength(1);
		expect(await hintOf(body, true)).toEqual(whole);
	});

	it("adds no hint when the only notes are split items' left-out parent fields", async () => {
		const invoice = findEvent('invoice.created')!.example as Record<string, unknown>;
		// 1,000 lines under a 20 KB note: later items leave the note out, each saying so.
		const body = { ...invoice, Note: 'x'.repeat(20_000), Variants: Array.from({ length: 1000 }, (_, i) => ({ Code: `V${i}` })) };
		expect(await hintOf(body, false, 'invoice')).toEqual([]);
		expect(await hintOf(body, true, 'invoice')).toEqual([]);
	});
});
