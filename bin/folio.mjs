#!/usr/bin/env node
// The `folio` command runs the CLI from its TypeScript source through tsx, so a checkout needs
// no build step before `npm run folio -- …` works.
import { register } from 'tsx/esm/api';

register();
await import('../electron/library/cli/main.ts');
