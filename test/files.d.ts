export declare function readRepoFile(relative: string): string;
export declare function docsCatalog(): unknown;
export declare const ROOT: string;
