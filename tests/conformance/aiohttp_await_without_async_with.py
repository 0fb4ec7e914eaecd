# Simulated aiohttp: `resp = await session.get(url)` without `async with`, then text(),
# release() and close(); a session closed by hand; ClientTimeout; raise_for_status's
# ClientResponseError with aiohttp's message and its status attribute.
import asyncio

import aiohttp

aiohttp.simulate("https://api.test/missing", status=404)
aiohttp.simulate("https://api.test/slow", latency=2)
aiohttp.simulate("https://api.test/data", json={"n": 3})


async def main():
    session = aiohttp.ClientSession()
    resp = await session.get("https://api.test/hello")
    print(resp.status, resp.reason, resp.ok, len(await resp.text()))
    resp.release()
    data = await session.get("https://api.test/data")
    print(await data.json(), data.content_type)
    data.close()
    missing = await session.get("https://api.test/missing")
    try:
        missing.raise_for_status()
    except aiohttp.ClientResponseError as e:
        print("ClientResponseError:", e, e.status, isinstance(e, aiohttp.ClientError))
    await session.close()
    print("closed:", session.closed)
    timeout = aiohttp.ClientTimeout(total=0.5)
    print(timeout, timeout.total)
    async with aiohttp.ClientSession(timeout=timeout) as s:
        try:
            await s.get("https://api.test/slow")
        except TimeoutError:
            print("timed out at", asyncio.get_running_loop().time())
        r = await s.get("https://api.test/slow", timeout=aiohttp.ClientTimeout(total=3))
        print(r.status, "at", asyncio.get_running_loop().time())


asyncio.run(main())
