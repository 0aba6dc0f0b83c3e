import { optionSuite } from "@clientele/testkit/options";
import { createCubitClient } from "../src/index.js";

const apiKey = "cubit-secret-api-key-4711";

optionSuite({
  factory: "createCubitClient",
  create: createCubitClient,
  secrets: [apiKey],
  cases: [
    { name: "no options at all", options: undefined, option: "apiKey" },
    { name: "options that are null", options: null, option: "apiKey" },
    { name: "a missing apiKey", options: { environment: "test" }, option: "apiKey" },
    { name: "an empty apiKey", options: { apiKey: "", environment: "test" }, option: "apiKey" },
    { name: "a blank apiKey", options: { apiKey: "   ", environment: "test" }, option: "apiKey" },
    { name: "an apiKey that is a number", options: { apiKey: 4711, environment: "test" }, option: "apiKey" },
    { name: "an apiKey with a line break", options: { apiKey: `${apiKey}\n`, environment: "test" }, option: "apiKey" },
    {
      name: "the apiKey under a misspelt name",
      options: { apikey: apiKey, environment: "test" },
      option: "apikey",
      meant: "apiKey",
    },
    { name: "a missing environment", options: { apiKey }, option: "environment" },
    { name: "an unknown environment", options: { apiKey, environment: "production" }, option: "environment" },
    { name: "an environment in the wrong case", options: { apiKey, environment: "TEST" }, option: "environment" },
    { name: "an empty environment", options: { apiKey, environment: "" }, option: "environment" },
    { name: "an option Cubit does not have", options: { apiKey, environment: "test", env: "prod" }, option: "env" },
  ],
  accepted: [["the prod environment", { apiKey, environment: "prod" }]],
});
