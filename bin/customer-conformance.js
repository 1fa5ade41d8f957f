#!/usr/bin/env node
// The package's command: the runner is TypeScript, loaded through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../runner/cli.ts');
