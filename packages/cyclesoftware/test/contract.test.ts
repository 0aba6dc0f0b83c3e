import { contractSuite } from "@clientele/testkit/contract";
import { inject } from "vitest";
import { type CustomerInput, createCycleSoftwareClient } from "../src/index.js";

const cycle = createCycleSoftwareClient({
  username: "Username",
  password: "Password",
  baseUrl: inject("mockUrls").cyclesoftware,
});

/** Every property of the document's Customer (object) table, the read-only ones included as its examples send them. */
const everyCustomerField: CustomerInput = {
  customer_id: 4,
  customer_type_name: "Klant",
  customer_reference: "OwnRef",
  postcode: "5388GM",
  house_number: "1",
  house_number_postfix: "c",
  company_name: "Company name",
  attn: "Name of address",
  title: "Dhr./Mevr. ",
  initials: "T",
  insertion: "van",
  first_name: "Tim",
  name: "LastName",
  street: "Raadhuisplein",
  city: "Nistelrode",
  country_code_iso_3166: "NL",
  email: "name@domain.nl",
  vat_number: "NL855630693B01",
  coc_number: "64356582",
  discount_percentage: 10,
  datetime_created: "2023-01-03 12:30:44",
  phone_numbers: [{ phone_number_id: "mob", customer_id: 4, phone_number: "06-12345678", name: "Dhr./Mevr. T" }],
};

contractSuite("cyclesoftware", {
  createCustomer: {
    required: (options) => cycle.createCustomer({}, options),
    everyInput: (options) => cycle.createCustomer(everyCustomerField, options),
  },
  findCustomers: {
    required: (options) => cycle.findCustomers({}, options),
    everyInput: (options) =>
      cycle.findCustomers(
        {
          phone_number: "0733030050",
          postal_code: "5388GM",
          housenumber: "1",
          housenumber_postfix: "a",
          email: "name@domain.nl",
          query: "name of customer",
          country_code: "NL",
          customer_type_id: 2,
        },
        options,
      ),
  },
  listCustomers: {
    required: (options) => cycle.listCustomers({}, options),
    everyInput: (options) => cycle.listCustomers({ offset: 500, modified_since: "2023-01-12 12:30:00" }, options),
  },
  getCustomer: {
    required: (options) => cycle.getCustomer(1006, options),
    everyInput: (options) => cycle.getCustomer(1006, options),
  },
  updateCustomer: {
    required: (options) => cycle.updateCustomer(4, {}, options),
    everyInput: (options) => cycle.updateCustomer(4, everyCustomerField, options),
  },
});
