// Build tools, tests and benchmarks find the repository the way the runtime does.
export { repoPath, repoRoot } from '../adapters/repo-root.js';
