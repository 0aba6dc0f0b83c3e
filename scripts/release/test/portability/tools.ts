// The mainstream OpenAPI tools a user may feed our published (bundled) specs to, each run in-process through its
// Node API. A tool fails by throwing; its message is what the portability table shows.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface ToolInput {
  /** The bundled spec, parsed; each tool gets its own copy, since some annotate what they are given. */
  spec: Record<string, unknown>;
  /** The same bundle on disk, for tools that read files. */
  file: string;
  /** An empty folder for a generator's output; `tsc` checks every generator's output together afterwards. */
  out: string;
}

export interface Tool {
  name: string;
  /** Generators' output is type-checked; validators only have to accept the spec. */
  kind: "generator" | "validator";
  run(input: ToolInput): Promise<void>;
}

/**
 * orval's `generate()` reports a failed spec by logging it (`🛑 …`) and resolving, through a logger that took
 * `console.log` when @orval/core was loaded. So orval is loaded while console.log is a forwarder, which hands
 * orval's lines to the running call and everything else to the real console.
 */
let orvalLines: string[] | undefined;
let orvalModule: Promise<Pick<typeof import("orval"), "generate">> | undefined;
function loadOrval() {
  if (!orvalModule) {
    const real = console.log;
    console.log = (...args: unknown[]) => (orvalLines ? orvalLines.push(args.join(" ")) : real(...args));
    orvalModule = import("orval").finally(() => {
      console.log = real;
    });
  }
  return orvalModule;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

function orval(client: "fetch" | "zod"): Tool {
  return {
    name: `orval (${client})`,
    kind: "generator",
    async run({ file, out }) {
      const { generate } = await loadOrval();
      orvalLines = [];
      try {
        await generate({ input: { target: file }, output: { target: join(out, "index.ts"), client } }, out);
        const failure = orvalLines.map(plain).find((line) => line.startsWith("🛑"));
        // The first line of its stack is the error itself.
        if (failure) throw new Error(failure.replace(/^🛑\s*/, "").split("\n")[0]);
      } finally {
        orvalLines = undefined;
      }
    },
  };
}

function typedOpenapi(runtime: "none" | "zod"): Tool {
  return {
    name: `typed-openapi (${runtime})`,
    kind: "generator",
    async run({ spec, out }) {
      const { generateFile, mapOpenApiEndpoints } = await import("typed-openapi");
      const context = mapOpenApiEndpoints(structuredClone(spec) as never);
      // With the zod runtime, typed-openapi's own fetch client does not type-check for any spec (its endpoint
      // maps are not zod types): the schemas and endpoint definitions are what a zod user takes from it.
      const code = generateFile({ ...context, runtime, includeClient: runtime === "none" } as never);
      await writeFile(join(out, "index.ts"), code);
    },
  };
}

export const TOOLS: Tool[] = [
  {
    name: "@hey-api/openapi-ts",
    kind: "generator",
    async run({ spec, out }) {
      const { createClient } = await import("@hey-api/openapi-ts");
      await createClient({ input: structuredClone(spec), output: out, logs: { level: "silent", file: false } });
    },
  },
  orval("fetch"),
  orval("zod"),
  typedOpenapi("none"),
  typedOpenapi("zod"),
  {
    name: "@seriousme/openapi-schema-validator",
    kind: "validator",
    async run({ spec }) {
      const { Validator } = await import("@seriousme/openapi-schema-validator");
      const result = await new Validator().validate(structuredClone(spec));
      if (!result.valid) throw new Error(JSON.stringify(result.errors));
    },
  },
  {
    name: "@readme/openapi-parser",
    kind: "validator",
    async run({ spec }) {
      const { compileErrors, validate } = await import("@readme/openapi-parser");
      const result = await validate(structuredClone(spec) as never);
      if (!result.valid) throw new Error(compileErrors(result));
    },
  },
];

/** A folder name for a tool's output. */
export const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");

export async function makeOutputDir(root: string, tool: Tool, spec: string): Promise<string> {
  const dir = join(root, slug(tool.name), spec);
  await mkdir(dir, { recursive: true });
  return dir;
}
