export declare function readRepoFile(relative: string): string;
export declare function docsCatalog(): unknown;
export declare const ROOT: string;
export declare function generatedExamples(): Record<string, unknown>;
export declare function readRepoJson(relative: string): unknown;
export declare function markdownFiles(): string[];
export declare function repoPathExists(relative: string): boolean;
