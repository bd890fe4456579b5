/** A profile's call frame (CPU or sampling heap profile). */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/**
 * What the bench's diffs sum a frame under: the function and its file, or
 * with `by = 'area'` its package (node_modules), our own folder
 * (dist/adapters/http, dist/src/detection…), a node: module, or `unnamed`
 * for frames with neither (V8's own entries in a CPU profile).
 */
export function frameKey(frame: CallFrame, by: string, unnamed: (frame: CallFrame) => string): string {
  const url = frame.url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (by === 'area') {
    if (inModules) return inModules[1]!;
    const ours = /\/(dist\/[^/]+(?:\/[^/]+)?)\/[^/]+$/.exec(url);
    if (ours) return ours[1]!;
    if (url.startsWith('node:')) return url.split('/')[0]!;
    return unnamed(frame);
  }
  const where = inModules ? `${inModules[1]}/${inModules[2]}` : url.replace(/^.*\/dist\//, 'dist/');
  return `${frame.functionName || '(anonymous)'} ${where}${where ? `:${frame.lineNumber + 1}` : ''}`;
}
