// @ts-check
// The fixed ports of `pnpm start`, documented in README.md: a bookmark or a client's `baseUrl` keeps working across
// restarts. Mocks take consecutive ports from MOCK_PORT_BASE, twins from TWIN_PORT_BASE, in registry order
// (redocly.yaml's `apis:`).

/** The docs portal. */
export const PORTAL_PORT = 4000;

/** The first provider's Prism mock (Prism's own default port); the next provider takes the next port. */
export const MOCK_PORT_BASE = 4010;

/**
 * @param {number} index the provider's position in the registry
 * @param {number} [base]
 */
export const mockPort = (index, base = MOCK_PORT_BASE) => base + index;

/** The first provider's stateful twin; the next provider takes the next port. */
export const TWIN_PORT_BASE = 4020;

/**
 * @param {number} index the provider's position in the registry
 * @param {number} [base]
 */
export const twinPort = (index, base = TWIN_PORT_BASE) => base + index;

/** @param {number} port */
export const loopbackUrl = (port) => `http://127.0.0.1:${port}`;
