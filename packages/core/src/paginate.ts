import type { ApiPromise } from "./transport.js";

/** The first page as a promise, every item as an async iterable, and every page through `pages()`. */
export interface PagePromise<Page, Item> extends ApiPromise<Page>, AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

/** The server's pagination would loop: a next offset that does not move forward. */
export class PaginationError extends Error {
  override name = "PaginationError";
}

/**
 * Offset pagination. The first page is requested at once; later pages only as the caller iterates, one at a time,
 * and nothing but the current page is held, so memory stays flat however long the listing.
 */
export function paginateByOffset<Page, Item>(
  firstPage: ApiPromise<Page>,
  fetchPage: (offset: number) => Promise<Page>,
  itemsOf: (page: Page) => Item[] | null | undefined,
  nextOffsetOf: (page: Page) => number | null | undefined,
): PagePromise<Page, Item> {
  async function* pages(): AsyncGenerator<Page> {
    let page = await firstPage;
    let previous = Number.NEGATIVE_INFINITY;
    for (;;) {
      yield page;
      const next = nextOffsetOf(page);
      if (next === null || next === undefined) return;
      // Offsets only grow; checking that keeps a buggy server from looping us forever without remembering every page.
      if (!(next > previous)) {
        throw new PaginationError(`the server's next offset ${next} does not move past ${previous}; stopping a loop`);
      }
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
