"""Title: Web crawl, three requests at a time
Group: Basics
Summary: six page downloads (simulated aiohttp) run concurrently, but a semaphore lets only three requests be in flight at once; one page is slow, one is missing.
Notice: the fourth request starts only when the first of the three running ones finishes (its semaphore slot is freed); the slow page runs into the session's 1 s timeout and the missing one raises ClientResponseError, and gather(return_exceptions=True) hands both back as results.
"""
import asyncio

import aiohttp

URLS = [f"https://example.test/page/{n}" for n in range(1, 7)]

# The simulated network: how long each answer takes and what it says.
aiohttp.simulate(URLS[1], latency=1.5)        # a slow server: longer than the timeout
aiohttp.simulate(URLS[4], status=404)         # a page that does not exist


async def fetch(session, limit, url):
    async with limit:                         # at most three requests in flight
        print(f"GET {url}")
        async with session.get(url) as response:
            response.raise_for_status()       # 404 -> aiohttp.ClientResponseError
            page = await response.text()
            print(f"{response.status} {url}: {len(page)} bytes")
            return len(page)


async def main():
    limit = asyncio.Semaphore(3)
    timeout = aiohttp.ClientTimeout(total=1)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        results = await asyncio.gather(*(fetch(session, limit, url) for url in URLS), return_exceptions=True)
    for url, result in zip(URLS, results):
        if isinstance(result, Exception):
            result = type(result).__name__ + (f": {result}" if str(result) else "")
        print(f"{url} -> {result}")


asyncio.run(main())
