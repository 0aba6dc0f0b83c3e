import type { ApiPromise } from "./transport.js";

/** The first page as a promise, every item as an async iterable, and every page through `pages()`. */
export interface PagePromise<Page, Item> extends ApiPromise<Page>, AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

export class PaginationError extends Error {
  override name = "PaginationError";
}

/**
 * Offset pagination. Only one page is held at a time, so memory stays flat however long the listing.
 * The first page is requested at once; later pages only as the caller iterates.
 */
export function paginateByOffset<Page, Item>(
  firstPage: ApiPromise<Page>,
  fetchPage: (offset: number) => Promise<Page>,
  itemsOf: (page: Page) => Item[] | null | undefined,
  nextOffsetOf: (page: Page) => number | null | undefined,
): PagePromise<Page, Item> {
  async function* pages(): AsyncGenerator<Page> {
    let page = await firstPage;
    const seen = new Set<number>();
    for (;;) {
      yield page;
      const next = nextOffsetOf(page);
      if (next === null || next === undefined) return;
      if (seen.has(next)) throw new PaginationError(`the server returned next offset ${next} twice; stopping a loop`);
      seen.add(next);
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
