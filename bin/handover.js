#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx handover …` works without a build step.
import { register } from 'tsx/esm/api';

register();
if (process.argv[2] === 'doctor') await import('../adapters/server/doctor.ts');
else await import('../src/cli/handover-cli.ts');
