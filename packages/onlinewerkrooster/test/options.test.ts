import { optionSuite } from "@clientele/testkit/options";
import { createOnlinewerkroosterClient } from "../src/index.js";

const apiKey = "owr-secret-api-key-4711";
const customerKey = "owr-secret-customer-key-0815";
const valid = { apiKey, customerKey, environment: "dev" };

optionSuite({
  factory: "createOnlinewerkroosterClient",
  create: createOnlinewerkroosterClient,
  secrets: [apiKey, customerKey],
  cases: [
    { name: "no options at all", options: undefined, option: "apiKey" },
    { name: "a missing apiKey", options: { customerKey, environment: "dev" }, option: "apiKey" },
    { name: "a missing customerKey", options: { apiKey, environment: "dev" }, option: "customerKey" },
    { name: "an empty apiKey", options: { ...valid, apiKey: "" }, option: "apiKey" },
    { name: "an empty customerKey", options: { ...valid, customerKey: "" }, option: "customerKey" },
    { name: "a blank customerKey", options: { ...valid, customerKey: " \t " }, option: "customerKey" },
    { name: "a customerKey that is a number", options: { ...valid, customerKey: 815 }, option: "customerKey" },
    {
      name: "a customerKey with a line break",
      options: { ...valid, customerKey: `a\r\n${customerKey}` },
      option: "customerKey",
    },
    // The header is spelt CustomerKey; the option is customerKey.
    {
      name: "the customerKey under the header's spelling",
      options: { apiKey, CustomerKey: customerKey, environment: "dev" },
      option: "CustomerKey",
      meant: "customerKey",
    },
    { name: "a missing environment", options: { apiKey, customerKey }, option: "environment" },
    { name: "Cubit's environment name", options: { ...valid, environment: "test" }, option: "environment" },
    { name: "an unknown environment", options: { ...valid, environment: "production" }, option: "environment" },
    { name: "an option it does not have", options: { ...valid, account: "acme" }, option: "account" },
  ],
  accepted: [["the prod environment", { ...valid, environment: "prod" }]],
});
