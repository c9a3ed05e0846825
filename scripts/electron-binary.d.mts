// Types for scripts/electron-binary.mjs.
export declare function electronBinary(root: string): string | null;
