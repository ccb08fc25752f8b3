export declare function readRepoFile(relative: string): string;
export declare function docsCatalog(): unknown;
export declare const ROOT: string;
export declare function generatedExamples(): Record<string, unknown>;
export declare function readRepoJson(relative: string): unknown;
