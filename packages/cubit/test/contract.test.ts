import { contractSuite } from "@clientele/testkit/contract";
import { inject } from "vitest";
import { createCubitClient } from "../src/index.js";

const cubit = createCubitClient({ apiKey: "test-api-key", environment: "test", baseUrl: inject("mockUrls").cubit });

const everyCustomerField = {
  Number: "1234567",
  FirstName: "Ola",
  LastName: "Normann",
  SocialSecurityNumber: "01017012345",
  OrganizationNumber: "987654321",
  AcceptElectronicCommunication: true,
};

contractSuite("cubit", {
  upsertCustomer: {
    required: (options) => cubit.upsertCustomer({ Number: "1234567" }, options),
    everyInput: (options) => cubit.upsertCustomer(everyCustomerField, options),
  },
  deleteCustomer: {
    required: (options) => cubit.deleteCustomer("1234567", options),
    everyInput: (options) => cubit.deleteCustomer("1234567", options),
  },
  getCustomer: {
    required: (options) => cubit.getCustomer("1234567", options),
    everyInput: (options) => cubit.getCustomer("1234567", options),
  },
  upsertPlant: {
    required: (options) => cubit.upsertPlant({ Number: "P-100" }, options),
    everyInput: (options) => cubit.upsertPlant({ Number: "P-100" }, { ...options, extraBody: { Name: "Plant 100" } }),
  },
  deletePlant: {
    required: (options) => cubit.deletePlant("P-100", options),
    everyInput: (options) => cubit.deletePlant("P-100", options),
  },
  getPlant: {
    required: (options) => cubit.getPlant("P-100", options),
    everyInput: (options) => cubit.getPlant("P-100", options),
  },
});
