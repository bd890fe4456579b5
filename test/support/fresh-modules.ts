import { vi } from 'vitest';

/*
 * Test files share a worker (`isolate: false` in vitest.config.ts) so the
 * third-party packages, loaded natively, are loaded once per run instead of
 * once per file. Our own modules are evaluated afresh for each file, so no
 * file sees module state another left behind, as with isolated workers.
 */
vi.resetModules();
