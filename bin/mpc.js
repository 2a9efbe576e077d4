#!/usr/bin/env node
// The package's `mpc` executable: registers tsx so Node 20 can load the TypeScript sources, then runs them.
import { register } from 'tsx/esm/api';

register();
await import('./mpc.ts');
