// Registers the app:// and media:// schemes with Electron; the handlers are in ./protocol/.
import { protocol, type Session } from 'electron';
import type { MediaFileSource } from '../../library/media-files/resolve-media-file.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { createMediaProtocolHandler } from './media-protocol.js';
import { APP_SCHEME, MEDIA_SCHEME, PRIVILEGED_SCHEMES } from '../security/origins.js';

/** Must run before the app is ready. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES.map((entry) => ({ scheme: entry.scheme, privileges: { ...entry.privileges } })));
}

export function handleAppSchemes(ses: Session, rendererDir: string, media: MediaFileSource): void {
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  ses.protocol.handle(MEDIA_SCHEME, createMediaProtocolHandler(media));
}
