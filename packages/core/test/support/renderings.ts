import { format, inspect } from "node:util";

/** Every way an error, a log line or an object reaches a human or a log store. */
export function renderings(subject: unknown, events: unknown[] = []): [string, string][] {
  const e = subject as Error;
  return [
    ["message", String(e?.message)],
    ["stack", String(e?.stack)],
    ["String()", String(e)],
    ["JSON.stringify", String(JSON.stringify(e))],
    ["JSON.stringify of a spread copy", String(JSON.stringify(typeof e === "object" ? { ...e } : e))],
    ["util.inspect", inspect(e)],
    ["util.inspect, hidden properties, full depth", inspect(e, { showHidden: true, depth: Number.POSITIVE_INFINITY })],
    ["console.log's formatting", format(e)],
    ["logger events as JSON", JSON.stringify(events)],
    ["logger events inspected", inspect(events, { depth: Number.POSITIVE_INFINITY })],
  ];
}
