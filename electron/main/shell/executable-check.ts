/**
 * "Open in the default app" must never run a program: a library folder can hold anything, and
 * a file named `holiday.jpg.exe`, a shell script or a `.desktop` launcher would be started by
 * the OS instead of shown. Three independent signs, any one of which refuses.
 */

/** Extensions the OS runs (or installs, or interprets) rather than displays, on any platform. */
const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows
  'exe', 'com', 'bat', 'cmd', 'msi', 'msp', 'mst', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh',
  'scr', 'pif', 'cpl', 'hta', 'lnk', 'reg', 'scf', 'url', 'appref-ms', 'application', 'gadget', 'msc', 'inf',
  'dll', 'sys', 'ocx', 'xll', 'xbap', 'settingcontent-ms', 'library-ms', 'diagcab',
  // macOS
  'app', 'command', 'tool', 'pkg', 'mpkg', 'workflow', 'terminal', 'scpt', 'applescript', 'action', 'fileloc',
  'webloc', 'inetloc', 'kext', 'dylib',
  // Linux and Unix
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'fish', 'run', 'bin', 'desktop', 'appimage', 'deb', 'rpm', 'snap',
  'flatpakref', 'so', 'elf', 'out',
  // Interpreters and archives that run
  'jar', 'py', 'pyw', 'pyc', 'pl', 'rb', 'php', 'lua', 'tcl', 'ws',
]);

/** Sniffed types that are programs, whatever the name says. */
const EXECUTABLE_MIME = /^application\/(?:x-(?:executable|elf|sharedlib|mach-binary|msdownload|dosexec|ms-dos-executable|msi|sh|shellscript|csh|perl|python|ruby|php|bat|desktop|java-archive)|vnd\.microsoft\.portable-executable|java-archive|x-apple-diskimage)$|^text\/x-(?:shellscript|script\..+|python|perl)$/i;

/** Media a viewer opens; an exec bit on these is the usual FAT/exFAT mount noise, not intent. */
const VIEWABLE_TYPES: ReadonlySet<string> = new Set(['image', 'video', 'audio']);

export interface FileToOpen {
  /** The real file's name (after following links). */
  name: string;
  /** `stat.mode`. */
  mode: number;
  /** The type sniffed from the file's bytes at import. */
  mime: string | null;
  type: string;
}

/** Why the file must not be opened, or null when it may be. */
export function executableReason(file: FileToOpen, platform: NodeJS.Platform): string | null {
  const lower = file.name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const extension = dot === -1 ? '' : lower.slice(dot + 1);
  if (EXECUTABLE_EXTENSIONS.has(extension)) return `".${extension}" files are programs and are not opened from Folio`;
  if (file.mime !== null && EXECUTABLE_MIME.test(file.mime)) return `The file is a program (${file.mime}) and is not opened from Folio`;
  const executableBit = (file.mode & 0o111) !== 0;
  if (platform !== 'win32' && executableBit && !VIEWABLE_TYPES.has(file.type)) {
    return 'The file is marked executable and is not opened from Folio';
  }
  return null;
}
