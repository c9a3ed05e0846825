import { describe, expect, it } from 'vitest';
import { executableReason, type FileToOpen } from '../../../electron/main/shell/executable-check.js';

const file = (name: string, extra: Partial<FileToOpen> = {}): FileToOpen => ({
  name,
  mode: 0o100644,
  mime: 'image/jpeg',
  type: 'image',
  ...extra,
});

describe('opening originals in the default app', () => {
  it('is allowed for photos, videos, audio and documents', () => {
    for (const [name, mime, type] of [
      ['IMG_0001.JPG', 'image/jpeg', 'image'],
      ['clip #2.mp4', 'video/mp4', 'video'],
      ['voice 100%.m4a', 'audio/mp4', 'audio'],
      ['scan?.pdf', 'application/pdf', 'document'],
      ['no-extension', 'image/png', 'image'],
    ] as const) {
      expect(executableReason(file(name, { mime, type }), 'linux'), name).toBeNull();
    }
  });

  it('is refused for programs by name, on every platform', () => {
    for (const name of ['setup.exe', 'holiday.jpg.exe', 'run.BAT', 'x.cmd', 'a.msi', 'p.ps1', 'v.vbs', 'j.js', 'l.lnk', 'i.scr', 'j.jar', 'launcher.desktop', 's.sh', 'Folio.AppImage', 'App.app', 'do.command', 'p.py']) {
      for (const platform of ['linux', 'darwin', 'win32'] as const) {
        expect(executableReason(file(name), platform), `${name} on ${platform}`).not.toBeNull();
      }
    }
  });

  it('is refused when the sniffed bytes are a program, whatever the name', () => {
    for (const mime of ['application/x-executable', 'application/x-msdownload', 'application/x-sharedlib', 'application/x-sh', 'application/vnd.microsoft.portable-executable', 'text/x-shellscript', 'application/java-archive']) {
      expect(executableReason(file('photo.jpg', { mime, type: 'other' }), 'linux'), mime).not.toBeNull();
    }
  });

  it('is refused for a non-media file with an exec bit on Linux and macOS', () => {
    expect(executableReason(file('notes', { mode: 0o100755, mime: null, type: 'other' }), 'linux')).not.toBeNull();
    expect(executableReason(file('notes', { mode: 0o100755, mime: null, type: 'other' }), 'darwin')).not.toBeNull();
    expect(executableReason(file('notes', { mode: 0o100755, mime: null, type: 'other' }), 'win32')).toBeNull();
  });

  it('is allowed for a photo with an exec bit (FAT and exFAT cards mount every file that way)', () => {
    expect(executableReason(file('DSC_0001.JPG', { mode: 0o100777 }), 'linux')).toBeNull();
  });
});
