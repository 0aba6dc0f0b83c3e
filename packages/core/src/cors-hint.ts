/**
 * A browser reports a request blocked by CORS exactly as it reports a network failure: a bare `TypeError` ("Failed
 * to fetch", "NetworkError when attempting to fetch resource.", "Load failed") that says nothing more, to the page
 * on purpose. Retrying cannot tell the two apart either, so the retry policy stays as it is, and the final
 * `ConnectionError` names CORS as a possible cause rather than leaving the user with "Failed to fetch".
 */
export function corsHint(error: unknown, inBrowser: boolean): string {
  if (!inBrowser || !(error instanceof TypeError)) return "";
  return (
    " (in a browser, a request blocked by CORS fails exactly like this: the server must allow this page's origin," +
    " method and headers, and the browser console names what it refused)"
  );
}

/** A page or a web worker: where fetch hides why a request failed. */
export function runsInBrowser(): boolean {
  const scope = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return scope.document !== undefined || scope.WorkerGlobalScope !== undefined;
}
