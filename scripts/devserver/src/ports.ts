// The fixed ports of `pnpm start`, documented in README.md: a bookmark or a client's `baseUrl` keeps working across
// restarts. Nothing here names a provider: mocks take consecutive ports from MOCK_PORT_BASE, twins from
// TWIN_PORT_BASE, by the provider's position in the registry (redocly.yaml's `apis:`).

/** The docs portal. */
export const PORTAL_PORT = 4000;

/** The first provider's Prism mock (Prism's own default port); the next provider takes the next port. */
export const MOCK_PORT_BASE = 4010;

/** The mock port of the provider at `index` in the registry. */
export const mockPort = (index: number, base: number = MOCK_PORT_BASE): number => base + index;

/** The first provider's stateful twin; the next provider takes the next port. */
export const TWIN_PORT_BASE = 4020;

/** The twin port of the provider at `index` in the registry. */
export const twinPort = (index: number, base: number = TWIN_PORT_BASE): number => base + index;

export const loopbackUrl = (port: number): string => `http://127.0.0.1:${port}`;
