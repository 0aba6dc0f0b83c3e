import { ClienteleError } from "./errors.js";
import type { ApiPromise, Operation } from "./types.js";

/** The first page as a promise, every item as an async iterable, and every page through `pages()`. */
export interface PagePromise<Page, Item> extends ApiPromise<Page>, AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

/**
 * The server's pagination cannot be followed: a next offset that does not move forward (a loop), or a page that
 * does not say whether another follows (no next offset at all, where `null` marks the last page).
 */
export class PaginationError extends ClienteleError {
  override name = "PaginationError";
}

/**
 * Offset pagination. The first page is requested at once; later pages only as the caller iterates, one at a time,
 * and nothing but the current page is held, so memory stays flat however long the listing. Only `null` ends the
 * listing: a page without a next offset (`{}`, a body without `pagination`) is an error, never the last page.
 */
export function paginateByOffset<Page, Item>(
  firstPage: ApiPromise<Page>,
  fetchPage: (offset: number) => Promise<Page>,
  itemsOf: (page: Page) => Item[] | null | undefined,
  nextOffsetOf: (page: Page) => unknown,
  operation: Operation,
): PagePromise<Page, Item> {
  async function* pages(): AsyncGenerator<Page> {
    let page = await firstPage;
    let previous = Number.NEGATIVE_INFINITY;
    for (;;) {
      // Checked before the page is handed out: a page that cannot say what follows is not trusted with its items.
      const next = nextOffsetOf(page);
      if (next !== null) {
        const after = previous < 0 ? "the first page" : `the page at offset ${previous}`;
        if (typeof next !== "number" || !Number.isInteger(next)) {
          throw new PaginationError(
            `${operation.id}: ${after} has no next offset (${JSON.stringify(next) ?? "none"}), and only null ends a listing`,
          );
        }
        // Offsets only grow; checking that keeps a buggy server from looping us forever without remembering every page.
        if (!(next > previous)) {
          throw new PaginationError(
            `${operation.id}: the server's next offset ${next} does not move past ${previous}; stopping a loop`,
          );
        }
      }
      yield page;
      if (next === null) return;
      previous = next;
      page = await fetchPage(next);
    }
  }
  async function* items(): AsyncGenerator<Item> {
    for await (const page of pages()) yield* itemsOf(page) ?? [];
  }
  const promise = firstPage as PagePromise<Page, Item>;
  promise.pages = pages;
  promise[Symbol.asyncIterator] = items;
  return promise;
}
