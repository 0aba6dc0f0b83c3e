import { optionSuite } from "@clientele/testkit/options";
import { createCycleSoftwareClient } from "../src/index.js";

const username = "cycle-secret-user";
const password = "cycle-secret-password-4711";
const valid = { username, password };

optionSuite({
  factory: "createCycleSoftwareClient",
  create: createCycleSoftwareClient,
  // The Basic credential too: base64 of "username:password".
  secrets: [username, password, btoa(`${username}:${password}`)],
  cases: [
    { name: "no options at all", options: undefined, option: "username" },
    { name: "a missing username", options: { password }, option: "username" },
    { name: "a missing password", options: { username }, option: "password" },
    { name: "an empty username", options: { ...valid, username: "" }, option: "username" },
    { name: "an empty password", options: { ...valid, password: "" }, option: "password" },
    { name: "a blank password", options: { ...valid, password: "  " }, option: "password" },
    { name: "a password that is a number", options: { ...valid, password: 4711 }, option: "password" },
    { name: "a password with a line break", options: { ...valid, password: `${password}\n` }, option: "password" },
    { name: "a typo: user", options: { user: username, password }, option: "user", meant: "username" },
    // CycleSoftware has a single server: there is no environment to choose.
    { name: "an environment", options: { ...valid, environment: "prod" }, option: "environment" },
    { name: "a requestsPerMinute of 0", options: { ...valid, requestsPerMinute: 0 }, option: "requestsPerMinute" },
    { name: "a negative requestsPerMinute", options: { ...valid, requestsPerMinute: -1 }, option: "requestsPerMinute" },
    {
      name: "a fractional requestsPerMinute",
      options: { ...valid, requestsPerMinute: 1.5 },
      option: "requestsPerMinute",
    },
    {
      name: "requestsPerMinute as a string",
      options: { ...valid, requestsPerMinute: "360" },
      option: "requestsPerMinute",
    },
  ],
  accepted: [
    ["the documented limit as requestsPerMinute", { ...valid, requestsPerMinute: 360 }],
    ["a password with spaces and non-ASCII letters", { ...valid, password: "pässwörd with spaces" }],
  ],
});
