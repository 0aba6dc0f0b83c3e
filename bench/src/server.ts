import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the benchmark server in a child process on 127.0.0.1 and resolves with its base URL. */
export function startBenchServer(): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL("./server-process.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.once("message", (message: { url: string }) =>
      resolve({
        url: message.url,
        stop: async () => {
          if (child.connected) child.disconnect();
          await exited;
        },
      }),
    );
  });
}
