#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx handover …` works without a build step.
import { register } from 'tsx/esm/api';

register();
const command = process.argv[2];
if (command === 'doctor') await import('../adapters/server/doctor.ts');
else if (command === 'outbox') await import('../adapters/server/outbox-cli.ts');
else if (command === 'keys') await import('../adapters/server/keys-cli.ts');
else await import('../src/cli/handover-cli.ts');
