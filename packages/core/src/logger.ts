/** Request lifecycle events; URLs, headers and messages are redacted before a logger sees them. */
export type LogEvent =
  | {
      type: "request";
      operationId: string;
      method: string;
      url: string;
      attempt: number;
      headers: Record<string, string>;
    }
  | { type: "response"; operationId: string; method: string; url: string; attempt: number; status: number; ms: number }
  | {
      type: "retry";
      operationId: string;
      method: string;
      url: string;
      attempt: number;
      delayMs: number;
      message: string;
    }
  | { type: "error"; operationId: string; method: string; url: string; attempt: number; message: string };

export type Logger = (event: LogEvent) => void;
