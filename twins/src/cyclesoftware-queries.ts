// CycleSoftware's two reading endpoints over the stored customers: find.json (filters) and list.json (pages).
import type { CustomerList } from "@clientele/cyclesoftware";
import { byId, DATETIME, parseDateTime, type StoredCustomer } from "./cyclesoftware-records.js";
import type { TwinRequest, TwinResponse } from "./http-types.js";
import { json, outsideSpec } from "./respond.js";

export const INTEGER = /^-?\d+$/;

export interface QuerySource {
  /** every customer, with when it was last created or changed (the document exposes no such field) */
  entries: () => Iterable<{ customer: StoredCustomer; modified: number }>;
  pageSize: number;
  customerTypes: Readonly<Record<string, string>>;
  /** the X-RateLimit-* headers every answer carries */
  headers: () => Record<string, string>;
}

export function createQueries({ entries, pageSize, customerTypes, headers }: QuerySource) {
  /** Filters of find.json, each as the document describes the parameter; several combine with AND. */
  const FILTERS: Record<string, (c: StoredCustomer, v: string) => boolean> = {
    phone_number: (c, v) =>
      c.phone_numbers.some((p) => digits(p.phone_number) !== "" && digits(p.phone_number) === digits(v)),
    postal_code: (c, v) => compact(c.postcode) === compact(v),
    housenumber: (c, v) => compact(c.house_number) === compact(v),
    housenumber_postfix: (c, v) => compact(c.house_number_postfix) === compact(v),
    email: (c, v) => compact(c.email) === compact(v),
    query: (c, v) => {
      const needle = v.trim().toLowerCase();
      const name = [c.first_name, c.insertion, c.name].filter(Boolean).join(" ");
      return [name, c.company_name, c.email, c.customer_reference, c.city, c.street].some((field) =>
        String(field ?? "")
          .toLowerCase()
          .includes(needle),
      );
    },
    country_code: (c, v) => compact(c.country_code_iso_3166) === compact(v),
    customer_type_id: (c, v) => customerTypes[v] === c.customer_type_name,
  };
  const customers = () => [...entries()].map((e) => e.customer);

  function find(request: TwinRequest): TwinResponse {
    const type = request.query.get("customer_type_id");
    if (type !== null && !INTEGER.test(type)) return outsideSpec(["`customer_type_id` must be an integer"], headers());
    const active = Object.entries(FILTERS).flatMap(([name, test]) => {
      const value = request.query.get(name);
      return value === null ? [] : [(c: StoredCustomer) => test(c, value)];
    });
    const found = customers().filter((c) => active.every((test) => test(c)));
    return json(200, found.sort(byId).map(copy), headers());
  }

  function list(request: TwinRequest): TwinResponse {
    const rawOffset = request.query.get("offset");
    if (rawOffset !== null && !INTEGER.test(rawOffset)) return outsideSpec(["`offset` must be an integer"], headers());
    const since = request.query.get("modified_since");
    if (since !== null && !DATETIME.test(since)) {
      return outsideSpec(["`modified_since` must look like 2023-01-12 12:30:00"], headers());
    }
    const offset = rawOffset === null ? 0 : Number(rawOffset);
    const sinceTime = since === null ? Number.NEGATIVE_INFINITY : parseDateTime(since);
    // The documented in-body error is the list's answer to values that pass the spec but make no sense.
    const error =
      offset < 0
        ? "offset must be 0 or more"
        : Number.isNaN(sinceTime)
          ? `modified_since ${since} is not a date`
          : null;
    if (error) {
      const refused: CustomerList = {
        error: true,
        error_message: error,
        customers: [],
        pagination: { count: 0, next_offset: null },
      };
      return json(200, refused, headers());
    }
    // Ordered by id, so a customer changed while a client pages through joins the listing without moving others
    // back a page: offset pagination then never skips one.
    const matching = [...entries()]
      .filter((e) => e.modified >= sinceTime)
      .map((e) => e.customer)
      .sort(byId);
    const page = matching.slice(offset, offset + pageSize);
    const next = offset + page.length < matching.length ? offset + page.length : null;
    const answer: CustomerList = {
      error: false,
      error_message: null,
      customers: page.map(copy),
      pagination: { count: page.length, next_offset: next },
    };
    return json(200, answer, headers());
  }

  return { find, list };
}

export const copy = (customer: StoredCustomer): StoredCustomer => structuredClone(customer);
/** Phone numbers compare by their digits: the document's find for 0733030050 returns "073 303 0050". */
const digits = (value: unknown) => String(value ?? "").replace(/\D/g, "");
/** Postcodes, e-mails and codes compare without case or spaces ("5388 GM" is "5388GM"). */
const compact = (value: unknown) =>
  String(value ?? "")
    .replace(/\s/g, "")
    .toLowerCase();
