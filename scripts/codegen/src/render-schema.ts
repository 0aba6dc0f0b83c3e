// schema.ts: openapi-typescript's `paths`, `components` and `operations`, from the typed copy of the spec.

import type { RenderContext } from "./renderers.ts";
import { FORBIDDEN_IMPORT, forbiddenTypes } from "./request-schemas.ts";
import { loadOpenapiTypescript, loadTypescript } from "./tools.ts";

export async function renderSchema({ typed, forbidden }: RenderContext): Promise<string> {
  const { default: openapiTS, astToString, NEVER } = loadOpenapiTypescript();
  const ts = loadTypescript();
  const ast = await openapiTS(typed, { silent: true, transform: forbiddenTypes(forbidden, ts, NEVER) });
  const text = astToString(ast);
  return forbidden.size > 0 ? FORBIDDEN_IMPORT + text : text;
}
