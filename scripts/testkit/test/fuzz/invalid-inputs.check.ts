// The fuzzer's invalid inputs that the type system must stop: `tsc -p .` fails when a line marked @ts-expect-error
// compiles. Each mark names the fault as scripts/testkit/test/fuzz/mutations.ts labels it (`<provider>.<operation>: <label>`, the
// value's kind left out); static-coverage.test.ts checks that every fault it can make statically is listed here.
// Every other input on a marked line is valid, so the mark proves that one fault. Nothing here runs.

import type { Cube4salesClient, CustomerCreate, CustomerFields, CustomerUpdate } from "@clientele/cube4sales";
import type { CubitClient } from "@clientele/cubit";
import type { CycleSoftwareClient } from "@clientele/cyclesoftware";
import type { OnlinewerkroosterClient } from "@clientele/onlinewerkrooster";
import type { Equal, Expect } from "../../src/type-assert.js";

export function cubitInvalidInputs(cubit: CubitClient) {
  const customer = { Number: "1234567", FirstName: "Ola" };
  const { Number: _customerNumber, ...customerWithoutNumber } = customer;
  // The valid base of every case: it compiles, so each marked line fails for its one fault.
  cubit.upsertCustomer(customer);
  // @ts-expect-error cubit.upsertCustomer: wrong type body
  cubit.upsertCustomer([customer]);
  // @ts-expect-error cubit.upsertCustomer: missing body.Number
  cubit.upsertCustomer(customerWithoutNumber);
  // @ts-expect-error cubit.upsertCustomer: wrong type body.Number
  cubit.upsertCustomer({ ...customer, Number: 1234567 });
  // @ts-expect-error cubit.upsertCustomer: wrong type body.FirstName
  cubit.upsertCustomer({ ...customer, FirstName: 1 });
  // @ts-expect-error cubit.upsertCustomer: wrong type body.LastName
  cubit.upsertCustomer({ ...customer, LastName: null });
  // @ts-expect-error cubit.upsertCustomer: wrong type body.SocialSecurityNumber
  cubit.upsertCustomer({ ...customer, SocialSecurityNumber: 1017012345 });
  // @ts-expect-error cubit.upsertCustomer: wrong type body.OrganizationNumber
  cubit.upsertCustomer({ ...customer, OrganizationNumber: 987654321 });
  // @ts-expect-error cubit.upsertCustomer: wrong type body.AcceptElectronicCommunication
  cubit.upsertCustomer({ ...customer, AcceptElectronicCommunication: "yes" });
  // @ts-expect-error cubit.deleteCustomer: wrong type path.number
  cubit.deleteCustomer(1234567);
  // @ts-expect-error cubit.getCustomer: wrong type path.number
  cubit.getCustomer(1234567);

  const plant = { Number: "P-100", Name: "Plant 100" };
  cubit.upsertPlant(plant);
  cubit.getPlant("P-100");
  // @ts-expect-error cubit.upsertPlant: wrong type body
  cubit.upsertPlant("P-100");
  // @ts-expect-error cubit.upsertPlant: missing body.Number
  cubit.upsertPlant({ Name: "Plant 100" });
  // @ts-expect-error cubit.upsertPlant: wrong type body.Number
  cubit.upsertPlant({ ...plant, Number: 100 });
  // @ts-expect-error cubit.deletePlant: wrong type path.number
  cubit.deletePlant(100);
  // @ts-expect-error cubit.getPlant: wrong type path.number
  cubit.getPlant(true);
}

export function onlinewerkroosterInvalidInputs(owr: OnlinewerkroosterClient) {
  const address = { street: "Louis Pasteurstraat", streetNumber: "15B", city: "Lommel", postalCode: "3920" };
  const customer = {
    extCustomerId: 1001,
    extCustomerNumber: "1001",
    name: "OWR.GG.1001",
    enterpriseNumber: "BE01234567899",
    address,
  };
  const { extCustomerId: _id, ...withoutId } = customer;
  const { extCustomerNumber: _number, ...withoutNumber } = customer;
  const { name: _name, ...withoutName } = customer;
  const { enterpriseNumber: _enterprise, ...withoutEnterprise } = customer;
  const { address: _address, ...withoutAddress } = customer;
  const { city: _city, ...addressWithoutCity } = address;
  owr.createCustomer(customer);
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body
  owr.createCustomer([customer]);
  // @ts-expect-error onlinewerkrooster.createCustomer: missing body.extCustomerId
  owr.createCustomer(withoutId);
  // @ts-expect-error onlinewerkrooster.createCustomer: missing body.extCustomerNumber
  owr.createCustomer(withoutNumber);
  // @ts-expect-error onlinewerkrooster.createCustomer: missing body.name
  owr.createCustomer(withoutName);
  // @ts-expect-error onlinewerkrooster.createCustomer: missing body.enterpriseNumber
  owr.createCustomer(withoutEnterprise);
  // @ts-expect-error onlinewerkrooster.createCustomer: missing body.address
  owr.createCustomer(withoutAddress);
  // @ts-expect-error onlinewerkrooster.createCustomer: missing body.address.city
  owr.createCustomer({ ...customer, address: addressWithoutCity });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.extCustomerId
  owr.createCustomer({ ...customer, extCustomerId: "1001" });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.extCustomerNumber
  owr.createCustomer({ ...customer, extCustomerNumber: 1001 });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.name
  owr.createCustomer({ ...customer, name: ["OWR"] });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.enterpriseNumber
  owr.createCustomer({ ...customer, enterpriseNumber: null });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.address
  owr.createCustomer({ ...customer, address: "Lommel" });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.address.street
  owr.createCustomer({ ...customer, address: { ...address, street: 15 } });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.address.streetNumber
  owr.createCustomer({ ...customer, address: { ...address, streetNumber: 15 } });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.address.city
  owr.createCustomer({ ...customer, address: { ...address, city: false } });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.address.postalCode
  owr.createCustomer({ ...customer, address: { ...address, postalCode: 3920 } });
  // @ts-expect-error onlinewerkrooster.createCustomer: wrong type body.address.country
  owr.createCustomer({ ...customer, address: { ...address, country: { name: "belgium" } } });
}

export function cube4salesInvalidInputs(cube: Cube4salesClient) {
  cube.listCustomers({ assignment_id: 9 });
  // @ts-expect-error cube4sales.listCustomers: missing query.assignment_id
  cube.listCustomers({});
  // @ts-expect-error cube4sales.listCustomers: wrong type query.assignment_id
  cube.listCustomers({ assignment_id: "9" });

  const record = { customer_id: 2488539, assignment_id: 9, name: "Lastname, Firstname" };
  cube.createCustomer(record);
  // @ts-expect-error cube4sales.createCustomer: wrong type body
  cube.createCustomer([record]);
  // @ts-expect-error cube4sales.createCustomer: missing body.customer_id
  cube.createCustomer({ assignment_id: 9, name: "Lastname, Firstname" });
  // @ts-expect-error cube4sales.createCustomer: missing body.assignment_id
  cube.createCustomer({ customer_id: 2488539, name: "Lastname, Firstname" });
  // A CRM's id may be a string: `customer_id` takes an integer or a string.
  cube.createCustomer({ ...record, customer_id: "CRM-2488539" });
  // @ts-expect-error cube4sales.createCustomer: wrong type body.customer_id
  cube.createCustomer({ ...record, customer_id: true });
  // @ts-expect-error cube4sales.createCustomer: wrong type body.assignment_id
  cube.createCustomer({ ...record, assignment_id: "9" });

  cube.updateCustomer(2488539, { name: "Lastname, Firstname" });
  // In a path every value is text: a string id is as valid as a number, so no path type can be wrong here.
  cube.updateCustomer("CRM-2488539", { name: "Lastname, Firstname" });
  // @ts-expect-error cube4sales.updateCustomer: wrong type body
  cube.updateCustomer(2488539, "Lastname, Firstname");
  // @ts-expect-error cube4sales.updateCustomer: forbidden body.customer_id
  cube.updateCustomer(2488539, { customer_id: 2488539 });
  // @ts-expect-error cube4sales.updateCustomer: forbidden body.assignment_id
  cube.updateCustomer(2488539, { assignment_id: 9 });

  // The record's standard fields, typed alike in both bodies (CustomerFields), so one list of cases covers both.
  const standardFieldCases = (call: (fields: CustomerFields) => unknown) => {
    call({ name: "Lastname, Firstname", city: null });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.name
    call({ name: ["Lastname", "Firstname"] });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.gender
    call({ gender: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.birth_date
    call({ birth_date: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.care_of_name
    call({ care_of_name: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.address_street
    call({ address_street: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.address_street_no
    call({ address_street_no: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.address_entrance
    call({ address_entrance: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.zip_code
    call({ zip_code: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.city
    call({ city: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.municipality
    call({ municipality: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.county
    call({ county: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.country
    call({ country: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.phone_1
    call({ phone_1: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.phone_2
    call({ phone_2: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.phone_3
    call({ phone_3: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.email
    call({ email: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.org_number
    call({ org_number: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.org_number_main
    call({ org_number_main: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.org_name
    call({ org_name: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.nace_code
    call({ nace_code: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.nace_text
    call({ nace_text: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.number_of_employees
    call({ number_of_employees: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.company_type
    call({ company_type: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.established
    call({ established: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.credit_rating
    call({ credit_rating: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.need_to_know
    call({ need_to_know: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.url
    call({ url: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.company_email
    call({ company_email: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.revenue
    call({ revenue: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.po_box
    call({ po_box: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.postal_address
    call({ postal_address: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.postal_zip
    call({ postal_zip: 42 });
    // @ts-expect-error cube4sales.createCustomer|updateCustomer: wrong type body.postal_city
    call({ postal_city: 42 });
  };
  standardFieldCases((fields) => cube.createCustomer({ ...record, ...fields }));
  standardFieldCases((fields) => cube.updateCustomer(2488539, fields));
}

/** The standard fields as a body types them. */
type StandardFieldsOf<Body> = Pick<Body, keyof CustomerFields & keyof Body>;
export type StandardFieldsInBothBodies = [
  Expect<Equal<StandardFieldsOf<CustomerCreate>, StandardFieldsOf<CustomerFields>>>,
  Expect<Equal<StandardFieldsOf<CustomerUpdate>, StandardFieldsOf<CustomerFields>>>,
];

type CreateBody = Parameters<CycleSoftwareClient["createCustomer"]>[0];
type UpdateBody = Parameters<CycleSoftwareClient["updateCustomer"]>[1];
// Create and update take the same body, so one list of body cases covers both (the marks name both).
export type SameBody = Expect<Equal<CreateBody, UpdateBody>>;

export function cycleSoftwareInvalidInputs(cycle: CycleSoftwareClient) {
  // Every Customer property is optional, so a body with one wrong property tests exactly that property.
  const bodyCases = (call: (body: CreateBody) => unknown) => {
    call({ customer_id: 4, name: "Name", phone_numbers: [{ phone_number_id: "mob", phone_number: "06-12345678" }] });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body
    call([]);
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.customer_id
    call({ customer_id: "4" });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.customer_type_name
    call({ customer_type_name: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.customer_reference
    call({ customer_reference: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.postcode
    call({ postcode: 5388 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.house_number
    call({ house_number: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.house_number_postfix
    call({ house_number_postfix: true });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.company_name
    call({ company_name: null });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.attn
    call({ attn: [] });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.title
    call({ title: {} });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.initials
    call({ initials: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.insertion
    call({ insertion: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.first_name
    call({ first_name: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.name
    call({ name: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.street
    call({ street: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.city
    call({ city: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.country_code_iso_3166
    call({ country_code_iso_3166: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.email
    call({ email: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.vat_number
    call({ vat_number: 1 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.coc_number
    call({ coc_number: 64356582 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.discount_percentage
    call({ discount_percentage: "10" });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.datetime_created
    call({ datetime_created: 1678230000 });
    // @ts-expect-error cyclesoftware.createCustomer|updateCustomer: wrong type body.phone_numbers
    call({ phone_numbers: "06-12345678" });
  };
  bodyCases((body) => cycle.createCustomer(body));
  bodyCases((body) => cycle.updateCustomer(4, body));

  cycle.getCustomer(1006);
  cycle.listCustomers({ offset: 500, modified_since: "2023-01-12 12:30:00" });
  cycle.findCustomers({ phone_number: "0733030050", customer_type_id: 2 });
  // @ts-expect-error cyclesoftware.getCustomer: wrong type path.customer_id
  cycle.getCustomer("1006");
  // @ts-expect-error cyclesoftware.updateCustomer: wrong type path.customer_id
  cycle.updateCustomer("4", { name: "Name" });
  // @ts-expect-error cyclesoftware.listCustomers: wrong type query.offset
  cycle.listCustomers({ offset: "500" });
  // @ts-expect-error cyclesoftware.listCustomers: wrong type query.modified_since
  cycle.listCustomers({ modified_since: new Date() });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.phone_number
  cycle.findCustomers({ phone_number: 733030050 });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.postal_code
  cycle.findCustomers({ postal_code: 5388 });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.housenumber
  cycle.findCustomers({ housenumber: 1 });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.housenumber_postfix
  cycle.findCustomers({ housenumber_postfix: true });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.email
  cycle.findCustomers({ email: ["name@domain.nl"] });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.query
  cycle.findCustomers({ query: { name: "x" } });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.country_code
  cycle.findCustomers({ country_code: null });
  // @ts-expect-error cyclesoftware.findCustomers: wrong type query.customer_type_id
  cycle.findCustomers({ customer_type_id: "2" });
}
