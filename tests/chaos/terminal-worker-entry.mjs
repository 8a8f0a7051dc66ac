// Worker threads do not inherit tsx's TypeScript transform: register it, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./terminal-worker.ts');
