// The test kit as a user gets it: a fresh project in the temp folder, outside the repository, installs the packed
// tarballs (core, the four providers, the twins) offline the way `npm i` would, starts a twin from the
// `clientele-twin` command and another from `startTwin()`, and runs its own small vitest suite against them. The
// shipped specs are the repository's bundle.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { bundleSpec } from "@clientele/portal/build-portal";
import { readRegistry } from "@clientele/registry/registry";
import { repoRoot } from "@clientele/registry/root";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { installConsumer } from "../src/consumer.ts";
import { prepareArtifacts } from "../src/package-artifacts.ts";

const run = promisify(execFile);
const root = repoRoot;
const providers = await readRegistry(root);
let project: string;
let cli: ChildProcess | undefined;
/** `redocly bundle` of each provider's spec, made alongside the install. */
let bundles: Map<string, unknown>;

// The user's suite: one twin from startTwin(), one from the command line (its URL in CUBIT_TWIN_URL).
const USER_SUITE = `import { afterAll, beforeAll, expect, test } from "vitest";
import { loadFixtures, startTwin } from "@clientele/twins";
import { createCycleSoftwareClient, RateLimitError } from "@clientele/cyclesoftware";
import { createCubitClient, NotFoundError } from "@clientele/cubit";

let twin;
beforeAll(async () => {
  twin = await startTwin("cyclesoftware", { options: { pageSize: 2, perMinute: 6 }, now: () => Date.UTC(2024, 0, 15) });
});
afterAll(() => twin.stop());

test("startTwin: created customers page through for await", async () => {
  const client = createCycleSoftwareClient({ username: "demo", password: "demo", baseUrl: twin.url, maxRetries: 0 });
  for (const name of ["Ada", "Bo", "Cy"]) await client.createCustomer({ name });
  const names = [];
  for await (const customer of client.listCustomers()) names.push(customer.name);
  expect(names).toEqual(["Ada", "Bo", "Cy"]);
  expect(twin.state().minuteRemaining).toBe(1);
  await client.getCustomer(1);
  await expect(client.getCustomer(1)).rejects.toBeInstanceOf(RateLimitError);
});

test("the vendor document's examples seed a twin, read from the spec the client package ships", async () => {
  const examples = await loadFixtures("onlinewerkrooster");
  const seeded = await startTwin("onlinewerkrooster", { seed: true });
  expect(seeded.state().customers.map((c) => c.extCustomerId)).toEqual(examples.customers.map((c) => c.extCustomerId));
  expect(seeded.state().customers).toHaveLength(1);
  await seeded.stop();
});

test("the clientele-twin command's twin: an upsert, a get, a 404", async () => {
  const cubit = createCubitClient({ apiKey: "kit-key", environment: "test", baseUrl: process.env.CUBIT_TWIN_URL });
  await cubit.upsertCustomer({ Number: "1001", FirstName: "Ola" });
  expect((await cubit.getCustomer("1001")).FirstName).toBe("Ola");
  await expect(cubit.getCustomer("404")).rejects.toBeInstanceOf(NotFoundError);
});
`;

beforeAll(async () => {
  const artifacts = await prepareArtifacts(root);
  project = await mkdtemp(join(tmpdir(), "clientele-test-kit-"));
  const bundled = Promise.all(
    providers.map(async (p) => [p.id, await bundleSpec(root, p.spec, join(project, `${p.id}.bundle.yaml`))] as const),
  );
  await installConsumer(project, [...artifacts.packs.map((p) => p.tarball), ...artifacts.thirdParty]);
  bundles = new Map(await bundled);
  // The runner is the one thing not installed from a tarball: offline, it is linked from the repository's install.
  await symlink(join(root, "node_modules", "vitest"), join(project, "node_modules", "vitest"));
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "kit-user", private: true, type: "module" }));
  await writeFile(join(project, "kit.test.js"), USER_SUITE);
}, 300_000);

afterAll(async () => {
  if (cli?.pid && cli.exitCode === null) {
    const exited = new Promise((resolve) => cli?.once("exit", resolve));
    process.kill(cli.pid, "SIGTERM");
    await exited;
  }
  if (project) await rm(project, { recursive: true, force: true });
});

/** Starts `clientele-twin` as npx would (node_modules/.bin) and resolves with the URL it prints once listening. */
function startCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(project, "node_modules", ".bin", "clientele-twin"), args, { cwd: project });
    cli = child;
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const url = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) => reject(new Error(`clientele-twin exited ${code}: ${output}`)));
  });
}

describe("the test kit, installed from its tarball outside the repository", () => {
  test("a user's vitest suite passes against a twin from startTwin() and one from clientele-twin", async () => {
    const url = await startCli(["cubit", "--empty", "--credentials", "test=kit-key,prod=kit-prod"]);
    const vitest = join(project, "node_modules", "vitest", "vitest.mjs");
    const { stdout } = await run(process.execPath, [vitest, "run", "--root", project, "--reporter", "verbose"], {
      cwd: project,
      env: { ...process.env, CUBIT_TWIN_URL: url, NO_COLOR: "1", VITEST: undefined, NODE_OPTIONS: undefined },
    });
    expect(stdout).toContain("3 passed");
  });

  test("a bad argument exits 2 naming the option", async () => {
    const bin = join(project, "node_modules", ".bin", "clientele-twin");
    const failure = await run(bin, ["cubit", "--page-size", "3"], { cwd: project }).catch((e: unknown) => e);
    expect(failure).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--page-size is an option of the cyclesoftware twin only"),
    });
  });

  test.each(providers.map((p) => p.id))(
    "@clientele/%s ships openapi.yaml and openapi.json equal to the repository's bundle",
    async (id) => {
      const installed = join(project, "node_modules", "@clientele", id);
      const bundle = bundles.get(id);
      expect(JSON.parse(await readFile(join(installed, "dist", "openapi.json"), "utf8"))).toEqual(bundle);
      expect(parse(await readFile(join(installed, "dist", "openapi.yaml"), "utf8"))).toEqual(bundle);
      // Reachable by name through `exports`, from ES modules and CommonJS, as a tool would load it.
      const resolved = await Promise.all([
        run(
          process.execPath,
          ["--input-type=module", "-e", `console.log(import.meta.resolve("@clientele/${id}/openapi.yaml"))`],
          { cwd: project },
        ),
        run(process.execPath, ["-e", `console.log(require.resolve("@clientele/${id}/openapi.json"))`], {
          cwd: project,
        }),
      ]);
      expect(resolved.map(({ stdout }) => stdout.trim())).toEqual([
        `file://${installed}/dist/openapi.yaml`,
        `${installed}/dist/openapi.json`,
      ]);
    },
  );
});
