// Types for scripts/electron-native.mjs (a plain script, so that `npm start` needs no loader).
export declare const ROOT: string;
export declare function installedElectronVersion(root?: string): string;
export declare function betterSqliteVersion(root?: string): string;
export declare function nativeCacheFile(root: string, electronVersion: string, sqliteVersion: string, arch?: string): string;
export declare function nativeOutputFile(root?: string): string;
export declare function electronBuildEnv(env: Record<string, string | undefined>, electronVersion: string): Record<string, string | undefined>;
export declare function ensureElectronNative(options?: {
  root?: string;
  electronVersion?: string;
  cacheFile?: string;
  outputFile?: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  output?: 'inherit' | 'ignore';
}): string;
