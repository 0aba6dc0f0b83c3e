import type { DriftReport } from "./validation/drift.js";

interface LogBase {
  operationId: string;
  method: string;
  /** Redacted. */
  url: string;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
}

/** Request lifecycle events. URLs, headers and messages are redacted before a logger sees them. */
export type LogEvent = LogBase &
  (
    | { type: "request"; headers: Record<string, string> }
    | { type: "response"; status: number; ms: number }
    | { type: "retry"; delayMs: number; message: string }
    | { type: "error"; message: string }
    /** With `validate: "warn"` and no `onDrift`: once per distinct way a response left its spec. */
    | { type: "drift"; report: DriftReport }
  );

export type Logger = (event: LogEvent) => void;
