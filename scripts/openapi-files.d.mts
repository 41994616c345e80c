export function documentFile(document: unknown): Promise<string>;
export function typesFile(document: unknown): Promise<string>;
