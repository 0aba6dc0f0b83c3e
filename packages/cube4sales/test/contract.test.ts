import { contractSuite } from "@clientele/testkit/contract";
import { inject } from "vitest";
import { createCube4salesClient } from "../src/index.js";

const cube = createCube4salesClient({
  account: "youraccount",
  headers: { authorization: "Bearer test-token" },
  baseUrl: inject("mockUrls").cube4sales,
});

contractSuite("cube4sales", {
  listCustomers: {
    required: (options) => cube.listCustomers({ assignment_id: 9 }, options),
    everyInput: (options) => cube.listCustomers({ assignment_id: 9 }, options),
  },
  createCustomer: {
    required: (options) => cube.createCustomer({ customer_id: 2488539, assignment_id: 9 }, options),
    everyInput: (options) =>
      cube.createCustomer({ customer_id: 2488539, assignment_id: 9, name: "Lastname, Firstname" }, options),
  },
  updateCustomer: {
    required: (options) => cube.updateCustomer(2488539, {}, options),
    everyInput: (options) => cube.updateCustomer(2488539, { name: "Lastname, Firstname" }, options),
  },
});
