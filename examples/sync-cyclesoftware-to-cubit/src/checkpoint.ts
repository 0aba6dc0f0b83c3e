import { readFile, rename, writeFile } from "node:fs/promises";
import { MODIFIED_SINCE } from "./modified-since.js";

/** Where the sync stands between runs and inside one. */
export interface Checkpoint {
  /** `modified_since` of the next run; null copies every customer. */
  since: string | null;
  /** A run that has not finished: the next start resumes it instead of beginning another. */
  run?: RunCursor;
}

export interface RunCursor {
  /** The `modified_since` this run pages with (null: every customer). */
  since: string | null;
  /** The `modified_since` of the run after this one: the server's time when this run began, less a second. */
  nextSince: string;
  /** The offset of the page being copied. */
  offset: number;
  /** The last customer of that page copied into Cubit; the page resumes after it. */
  lastCopiedId?: number;
}

export interface CheckpointStore {
  /** Where the checkpoint lives (a file's path), for error messages. */
  readonly source: string;
  load(): Promise<Checkpoint | undefined>;
  save(checkpoint: Checkpoint): Promise<void>;
}

/** A checkpoint file, replaced atomically (write, then rename) so a crash never leaves half of one. */
export function fileCheckpoints(path: string): CheckpointStore {
  return {
    source: path,
    async load() {
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      return parseCheckpoint(text, path);
    },
    async save(checkpoint) {
      await writeFile(`${path}.tmp`, `${JSON.stringify(checkpoint, null, 2)}\n`);
      await rename(`${path}.tmp`, path);
    },
  };
}

/** Keeps the checkpoint in memory: for a run that need not survive its process. */
export function memoryCheckpoints(initial?: Checkpoint): CheckpointStore & { current?: Checkpoint } {
  const store: CheckpointStore & { current?: Checkpoint } = {
    source: "the in-memory checkpoint",
    async load() {
      return store.current && structuredClone(store.current);
    },
    async save(checkpoint) {
      store.current = structuredClone(checkpoint);
    },
  };
  if (initial) store.current = initial;
  return store;
}

/** Reads a checkpoint, naming the field at fault when the file is not one. */
export function parseCheckpoint(text: string, source: string): Checkpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${source}: not a checkpoint (invalid JSON)`);
  }
  const fail = (field: string, problem: string): never => {
    throw new Error(`${source}: "${field}" ${problem}`);
  };
  const since = (v: unknown, field: string) =>
    v === null || (typeof v === "string" && MODIFIED_SINCE.test(v))
      ? v
      : fail(field, "must be null or YYYY-MM-DD HH:MM:SS");
  if (typeof value !== "object" || value === null) return fail("(root)", "must be an object");
  const record = value as Record<string, unknown>;
  const checkpoint: Checkpoint = { since: since(record.since, "since") as string | null };
  if (record.run !== undefined) {
    if (typeof record.run !== "object" || record.run === null) return fail("run", "must be an object");
    const run = record.run as Record<string, unknown>;
    const offset =
      Number.isInteger(run.offset) && (run.offset as number) >= 0
        ? (run.offset as number)
        : fail("run.offset", "must be a whole number");
    const nextSince =
      typeof run.nextSince === "string" && MODIFIED_SINCE.test(run.nextSince)
        ? run.nextSince
        : fail("run.nextSince", "must be YYYY-MM-DD HH:MM:SS");
    checkpoint.run = { since: since(run.since, "run.since") as string | null, nextSince, offset };
    if (run.lastCopiedId !== undefined) {
      checkpoint.run.lastCopiedId = Number.isInteger(run.lastCopiedId)
        ? (run.lastCopiedId as number)
        : fail("run.lastCopiedId", "must be an integer");
    }
  }
  return checkpoint;
}
