import type { IDataObject } from 'n8n-workflow';

import { allEvents } from '../nodes/DealPosTrigger/catalog';
import { buildItems } from '../nodes/DealPosTrigger/items';
import { generatedExamples, readRepoJson } from '../dev/lib';

describe('examples/', () => {
	it.each(Object.entries(generatedExamples()))('%s is the workflow its builder makes', (file, workflow) => {
		expect(readRepoJson(`examples/${file}`)).toEqual(workflow);
	});

	const withExamples = allEvents().filter((e) => e.example);
	it.each(withExamples.map((e) => [e.key, e] as const))(
		'samples/%s.json is what the trigger outputs for its example (documented or synthetic)',
		(key, event) => {
			const { items } = buildItems(
				event.example,
				event,
				{
					category: event.category,
					event: key,
					eventName: event.name,
					receivedAt: '2026-01-01T00:00:00.000Z',
					mode: 'sample',
					rawBody: JSON.stringify(event.example),
				},
				{ output: 'normalised', timezone: 'Asia/Jakarta', splitLines: false, includeHeaders: false },
			);
			const sample = readRepoJson(`examples/samples/${key}.json`) as IDataObject[];
			expect(sample).toEqual(items.map((i) => i.json));
			expect(sample[0].dealpos).toMatchObject({ mode: 'sample', event: key });
		},
	);
});
