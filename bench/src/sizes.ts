// `pnpm --filter @clientele/bench sizes [provider]`: clientele's one-call apps alone (min+gz, the same builds as
// `pnpm bench`), in a second instead of a full run: the loop for size work. With a provider, what each source
// file adds to its transport + function app. Writes nothing.
import { type App, measure, oneCallApps } from "./bundle-size.js";
import { formatBytes } from "./stats.js";

const ours: App[] = ["clientele transport + function", "clientele full client"];
const detail = process.argv[2];
if (detail !== undefined && !oneCallApps.some(({ provider }) => provider === detail)) {
  console.error(`sizes: no one-call app for "${detail}"; one of ${oneCallApps.map((a) => a.provider).join(", ")}`);
  process.exit(2);
}

let total = 0;
for (const { provider, call, apps } of oneCallApps) {
  // Only the peers' apps read this path; ours never do.
  const sources = apps("(peers are not built here)");
  for (const app of ours) {
    const { minified, gzipped, composition } = await measure(sources[app]);
    total += gzipped;
    console.log(
      `${provider.padEnd(18)} ${call.padEnd(15)} ${app.padEnd(31)} ${formatBytes(gzipped)} min+gz (${minified} B min)`,
    );
    if (provider === detail && app === ours[0]) {
      for (const [file, bytes] of Object.entries(composition).sort((a, b) => b[1] - a[1])) {
        if (bytes > 0) console.log(`    ${String(bytes).padStart(6)} B  ${file}`);
      }
    }
  }
}
console.log(`sum of the ${oneCallApps.length * ours.length} apps: ${total} B min+gz`);
