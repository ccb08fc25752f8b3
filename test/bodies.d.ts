import type fc from 'fast-check';

import type { DealPosEvent, DealPosField } from '../nodes/DealPosTrigger/catalog';

export interface BodyArbitraries {
	dateLike: fc.Arbitrary<string>;
	numberString: fc.Arbitrary<string>;
	flagWord: fc.Arbitrary<string>;
	leafValue: fc.Arbitrary<unknown>;
	leafText: fc.Arbitrary<string>;
	DANGEROUS_KEYS: string[];
	key: fc.Arbitrary<string>;
	objectText: (entries: Array<[string, string]>) => string;
	jsonText: fc.Arbitrary<string>;
	lineText: fc.Arbitrary<string>;
	longArrayText: fc.Arbitrary<string>;
	undocumentedBody: fc.Arbitrary<string>;
	deepBody: fc.Arbitrary<string>;
	documentedBody: fc.Arbitrary<{ event: DealPosEvent; text: string }>;
}

export declare function bodyArbitraries(catalog: {
	events: DealPosEvent[];
	documentedFields: (event: DealPosEvent) => DealPosField[];
}): BodyArbitraries;
