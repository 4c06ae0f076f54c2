#!/usr/bin/env node
// The `concert` command. Concert is TypeScript run directly through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
