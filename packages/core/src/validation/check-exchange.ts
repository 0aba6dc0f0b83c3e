import { OptionError } from "../errors.js";
import type { Redactor } from "../redact.js";
import { type Check, Drift, type DriftReport, typeOf } from "./drift.js";

/** What the generator knows about one documented response of an operation. */
export interface ResponseSpec {
  /** The body's checker; absent where the response documents a body of any shape (or no schema). */
  body?: Check;
  /** The response documents no body at all: one that comes is drift. */
  empty?: boolean;
  /** Documented headers: lower-case name, the JSON type of the value, provenance where inferred. */
  headers?: readonly (readonly [name: string, type: string, why?: string])[];
  /** The response's own provenance, where the response is `x-inferred`. */
  why?: string;
}

/** Per operationId, per status as the spec writes it (`"200"`, `"4XX"`, `"default"`). */
export type ResponseSpecs = Readonly<Record<string, Readonly<Record<string, ResponseSpec>>>>;

/** One recorded or live answer to check. */
export interface Exchange {
  operationId: string;
  status: number;
  headers: Headers;
  /** The parsed body (JSON, else text), undefined when empty. */
  body: unknown;
}

/** Every way the exchange leaves the spec, each once, values redacted with `redactor`. */
export function checkExchange(specs: ResponseSpecs, exchange: Exchange, redactor?: Redactor): DriftReport[] {
  const { operationId, status, headers, body } = exchange;
  const responses = specs[operationId];
  if (!responses) {
    const problem = `for operation "${operationId}": the validators belong to another API`;
    throw new OptionError(operationId, "validators", problem, "no validator");
  }
  const response = responses[status] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  const drift = new Drift();
  if (!response) {
    const documented = Object.keys(responses).join(", ");
    drift.add("status", "", `a documented status (${documented})`, undefined, undefined, String(status));
  } else {
    for (const [name, type, why] of response.headers ?? []) {
      const value = headers.get(name);
      if (value === null)
        drift.add("header", `header:${name}`, `the documented ${name} header`, undefined, why, "nothing");
      else if (type === "integer" && !/^-?\d+$/.test(value.trim()))
        drift.add("header", `header:${name}`, "an integer", value, why);
    }
    if (response.body) response.body(body, "", drift, response.why);
    else if (response.empty && body !== undefined)
      drift.add("body", "", "no body (none documented)", body, response.why);
  }
  const seen = new Set<string>();
  const reports: DriftReport[] = [];
  for (const { value, actual, ...found } of drift.found) {
    const key = `${found.kind} ${found.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const shown = actual || render(found.pointer, value, redactor);
    const where = found.kind === "status" ? "the status" : found.pointer === "" ? "the body" : found.pointer;
    const message =
      `${operationId} ${status}: ${where}: expected ${found.expected}, got ${shown}` +
      (found.inferred ? `. The spec inferred this: ${found.inferred}` : "");
    reports.push({ operationId, status, ...found, actual: shown, message });
  }
  return reports;
}

/** A value as a report shows it: its JSON type and its JSON, redacted (also by its key) and cut short. */
function render(pointer: string, value: unknown, redactor: Redactor | undefined): string {
  const key = pointer
    .slice(pointer.lastIndexOf("/") + 1)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
  const safe = redactor ? redactor.value({ [key]: value })[key] : value;
  const json = JSON.stringify(safe) ?? String(safe);
  return `${typeOf(value)} ${json.length > 80 ? `${json.slice(0, 77)}...` : json}`;
}
