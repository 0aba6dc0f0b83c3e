// What a portal build records about itself (portal.json), and what `pnpm start` adds when it serves the index.

export interface PortalOperation {
  id: string;
  /** upper case */
  method: string;
  path: string;
  summary: string;
  /** the first tag: the sidebar group Redoc shows the operation under */
  tag: string;
  inferred: boolean;
}

export interface PortalProvider {
  id: string;
  title: string;
  version: string;
  packageName: string;
  /** the seed documents the spec formalizes (`info.x-origin`) */
  origin: string[];
  /** the same documents, with what they cover and what cites them */
  seeds: PortalSeed[];
  /** the Redoc page, relative to the portal */
  page: string;
  /** the bundled spec (with the code samples) */
  specYaml: string;
  specJson: string;
  /** rendered SVG files */
  diagrams: string[];
  /** how many elements the page marks as inferred */
  inferred: number;
  pageBytes: number;
  operations: PortalOperation[];
}

/** A vendor document a spec formalizes. The documents are not shipped: the index says what each one is instead. */
export interface PortalSeed {
  file: string;
  /** what it covers, when the spec says (`x-origin: [{ file, covers }]`) */
  covers?: string;
  /** the operations whose own text cites it */
  operations: string[];
  /** how often the spec cites it */
  mentions: number;
}

/**
 * What `pnpm run docs` built, written next to it as portal.json: `pnpm start` renders the index from it and compares
 * `inputs` to decide whether the build is stale.
 */
export interface PortalManifest {
  inputs: string;
  providers: PortalProvider[];
}

/** Where `pnpm start` runs each provider's mock and twin (their base URLs) and how to log in to each twin. */
export interface RunningServers {
  mocks?: Record<string, string>;
  twins?: Record<string, string>;
  twinCredentials?: Readonly<Record<string, string>>;
}
