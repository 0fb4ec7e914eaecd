# A set deduplicates work across workers; set iteration order follows CPython's hash table.
import asyncio

seen = set()


async def crawl(name, urls):
    for u in urls:
        await asyncio.sleep(0.01)
        if u in seen:
            print(name, "skip", u)
            continue
        seen.add(u)
        print(name, "fetch", u)


async def main():
    await asyncio.gather(
        crawl("a", ["/home", "/about", "/blog"]),
        crawl("b", ["/blog", "/home", "/shop"]),
    )
    print(len(seen), sorted(seen))
    print(seen)


asyncio.run(main())
