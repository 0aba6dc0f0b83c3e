import { contractSuite } from "@clientele/testkit/contract";
import { inject } from "vitest";
import { createOnlinewerkroosterClient } from "../src/index.js";

const owr = createOnlinewerkroosterClient({
  apiKey: "test-api-key",
  customerKey: "test-customer-key",
  environment: "dev",
  baseUrl: inject("mockUrls").onlinewerkrooster,
});

contractSuite("onlinewerkrooster", {
  createCustomer: {
    required: (options) =>
      owr.createCustomer(
        {
          extCustomerId: 1001,
          extCustomerNumber: "1001",
          enterpriseNumber: "BE01234567899",
          name: "OWR.GG.1001",
          address: { city: "Lommel" },
        },
        options,
      ),
    everyInput: (options) =>
      owr.createCustomer(
        {
          extCustomerId: 1001,
          extCustomerNumber: "1001",
          enterpriseNumber: "BE01234567899",
          name: "OWR.GG.1001",
          address: {
            street: "Louis Pasteurstraat",
            streetNumber: "15B",
            city: "Lommel",
            postalCode: "3920",
            country: "belgium",
          },
        },
        options,
      ),
  },
});
