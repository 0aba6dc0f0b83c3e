import { optionSuite } from "@clientele/testkit/options";
import { createCube4salesClient } from "../src/index.js";

const token = "cube-secret-token-4711";
const valid = { account: "youraccount", headers: { authorization: `Bearer ${token}` } };

optionSuite({
  factory: "createCube4salesClient",
  create: createCube4salesClient,
  secrets: [token],
  cases: [
    { name: "no options at all", options: undefined, option: "account" },
    { name: "a missing account", options: { headers: valid.headers }, option: "account" },
    { name: "an empty account", options: { ...valid, account: "" }, option: "account" },
    { name: "an account that is a number", options: { ...valid, account: 42 }, option: "account" },
    { name: "an account with a space", options: { ...valid, account: "your account" }, option: "account" },
    { name: "a whole host as account", options: { ...valid, account: "acme.cube4sales.com" }, option: "account" },
    { name: "a URL as account", options: { ...valid, account: "https://acme" }, option: "account" },
    { name: "an account starting with a hyphen", options: { ...valid, account: "-acme" }, option: "account" },
    { name: "an account with a path", options: { ...valid, account: "acme/evil" }, option: "account" },
    {
      name: "a credential header with a line break",
      options: { ...valid, headers: { authorization: `Bearer ${token}\r\n` } },
      option: "headers.authorization",
    },
    // Cube4sales has a single server: there is no environment to choose.
    { name: "an environment", options: { ...valid, environment: "prod" }, option: "environment" },
    { name: "a typo: acount", options: { acount: "youraccount", headers: valid.headers }, option: "acount" },
  ],
  accepted: [
    ["no headers at all", { account: "youraccount" }],
    ["an account with inner hyphens and digits", { account: "my-account-2" }],
  ],
});
