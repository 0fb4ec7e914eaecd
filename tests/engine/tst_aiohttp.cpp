// aiohttp, simulated: the classic client code runs unchanged, every request is an I/O wait on the
// virtual clock named after its URL, and aiohttp.simulate() sets what a URL answers.
#include "enginetest.h"

#include <QFile>

using namespace enginetest;

namespace {

// The Await events' texts, in trace order.
std::vector<std::string> awaits(const Engine &e)
{
    std::vector<std::string> out;
    for (const auto &ev : e.trace().events())
        if (ev.kind == EventKind::Await)
            out.push_back(e.trace().text(ev.text));
    return out;
}

bool contains(const std::vector<std::string> &v, const std::string &s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

} // namespace

class TestAiohttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theClassicExampleRunsUnchanged()
    {
        auto e = runScript("import aiohttp\n"
                           "import asyncio\n"
                           "\n"
                           "async def main():\n"
                           "    async with aiohttp.ClientSession() as session:\n"
                           "        async with session.get('http://python.org') as response:\n"
                           "            print('Status:', response.status)\n"
                           "            print('Content-type:', response.content_type)\n"
                           "            html = await response.text()\n"
                           "            print('Body:', html[:15], '...')\n"
                           "\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->outcome(), Outcome::Finished);
        QCOMPARE(e->output(),
            std::string("Status: 200\nContent-type: text/html\nBody: <!doctype html> ...\n"));
        QVERIFY(contains(awaits(*e), "GET http://python.org"));
    }

    void requestsWaitOnTheVirtualClockAndOverlap()
    {
        auto e = runScript("import aiohttp, asyncio\n"
                           "aiohttp.simulate('https://a.test', latency=0.3)\n"
                           "aiohttp.simulate('https://b.test', latency=0.1)\n"
                           "aiohttp.simulate('https://c.test', latency=0.2)\n"
                           "async def fetch(s, url):\n"
                           "    async with s.get(url) as r:\n"
                           "        print(url, asyncio.get_running_loop().time())\n"
                           "async def main():\n"
                           "    async with aiohttp.ClientSession() as s:\n"
                           "        await asyncio.gather(*(fetch(s, u) for u in ['https://a.test', 'https://b.test', 'https://c.test']))\n"
                           "    print('total', asyncio.get_running_loop().time())\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->output(), std::string("https://b.test 0.1\nhttps://c.test 0.2\nhttps://a.test 0.3\ntotal 0.3\n"));
    }

    void defaultLatenciesAreTheSameOnEveryRunAndDifferPerUrl()
    {
        const char *script = "import aiohttp, asyncio\n"
                             "async def main():\n"
                             "    async with aiohttp.ClientSession() as s:\n"
                             "        for url in ['https://one.test', 'https://two.test', 'https://three.test']:\n"
                             "            t = asyncio.get_running_loop().time()\n"
                             "            async with s.post(url, json={'x': 1}) as r:\n"
                             "                print(round(asyncio.get_running_loop().time() - t, 3))\n"
                             "asyncio.run(main())\n";
        auto first = runScript(script);
        auto second = runScript(script);
        QCOMPARE(first->output(), second->output());
        const QStringList lines = QString::fromStdString(first->output()).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QString &l : lines) {
            const double latency = l.toDouble();
            QVERIFY2(latency >= 0.1 && latency <= 0.5, qPrintable(l));
        }
        QStringList distinct = lines;
        QVERIFY(distinct.removeDuplicates() < 2); // not all the same
        QVERIFY(contains(awaits(*first), "POST https://one.test"));
    }

    void simulateSetsStatusAndBody()
    {
        auto e = runScript("import aiohttp, asyncio\n"
                           "aiohttp.simulate('https://api.test/user', json={'id': 7, 'tags': ['a', 'b'], 'ok': True})\n"
                           "aiohttp.simulate('https://api.test/raw', text='[1, 2.5, null]')\n"
                           "aiohttp.simulate('https://api.test/gone', status=404)\n"
                           "async def main():\n"
                           "    async with aiohttp.ClientSession() as s:\n"
                           "        async with s.get('https://api.test/user') as r:\n"
                           "            print(await r.json(), await r.text(), r.ok)\n"
                           "        async with s.get('https://api.test/raw') as r:\n"
                           "            print(await r.json())\n"
                           "        async with s.get('https://api.test/gone') as r:\n"
                           "            print(r.status, r.reason, r.ok, r)\n"
                           "            try:\n"
                           "                r.raise_for_status()\n"
                           "            except aiohttp.ClientError as e:\n"
                           "                print(type(e).__name__, e)\n"
                           "        async with s.get('https://api.test/page') as r:\n"
                           "            try:\n"
                           "                await r.json()\n"
                           "            except aiohttp.ContentTypeError as e:\n"
                           "                print(type(e).__name__)\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->output(),
            std::string("{'id': 7, 'tags': ['a', 'b'], 'ok': True} {\"id\": 7, \"tags\": [\"a\", \"b\"], \"ok\": true} True\n"
                        "[1, 2.5, None]\n"
                        "404 Not Found False <ClientResponse(https://api.test/gone) [404 Not Found]>\n"
                        "ClientResponseError 404, message='Not Found', url='https://api.test/gone'\n"
                        "ContentTypeError\n"));
    }

    void awaitingTheRequestWithoutAsyncWith()
    {
        auto e = runScript("import aiohttp, asyncio\n"
                           "aiohttp.simulate('https://x.test/a', latency=0.25, status=503)\n"
                           "async def main():\n"
                           "    session = aiohttp.ClientSession()\n"
                           "    resp = await session.get('https://x.test/a')\n"
                           "    print(resp.status, asyncio.get_running_loop().time(), resp.closed)\n"
                           "    try:\n"
                           "        resp.raise_for_status()\n"
                           "    except aiohttp.ClientResponseError as err:\n"
                           "        print(err.status, err.message, '|', err)\n"
                           "    await resp.release()\n"
                           "    resp.close()\n"
                           "    print(resp.closed)\n"
                           "    await session.close()\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->output(),
            std::string("503 0.25 False\n"
                        "503 Service Unavailable | 503, message='Service Unavailable', url='https://x.test/a'\n"
                        "True\n"));
        QCOMPARE(e->errorText(), std::string());
    }

    void clientTimeoutBoundsTheRequest()
    {
        auto e = runScript("import aiohttp, asyncio\n"
                           "aiohttp.simulate('https://x.test/slow', latency=2)\n"
                           "async def main():\n"
                           "    t = aiohttp.ClientTimeout(total=0.5)\n"
                           "    print(t)\n"
                           "    async with aiohttp.ClientSession(timeout=t) as s:\n"
                           "        try:\n"
                           "            await s.get('https://x.test/slow')\n"
                           "        except TimeoutError:\n"
                           "            print('timeout at', asyncio.get_running_loop().time())\n"
                           "        r = await s.get('https://x.test/slow', timeout=aiohttp.ClientTimeout(total=None))\n"
                           "        print(r.status, 'at', asyncio.get_running_loop().time())\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->output(),
            std::string("ClientTimeout(total=0.5, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5)\n"
                        "timeout at 0.5\n200 at 2.5\n"));
    }

    // scenarios/crawl.py: six pages, three requests in flight at a time, one too slow, one missing.
    void theCrawlScenario()
    {
        QFile file(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios/crawl.py"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray source = file.readAll();
        auto e = runScript(source.constData());
        QCOMPARE(e->outcome(), Outcome::Finished);
        const std::string out = e->output();
        QVERIFY(out.starts_with("GET https://example.test/page/1\nGET https://example.test/page/2\n"
                                "GET https://example.test/page/3\n200 https://example.test/page/3: 134 bytes\n"
                                "GET https://example.test/page/4\n"));
        QVERIFY(out.ends_with("https://example.test/page/2 -> TimeoutError\n"
                              "https://example.test/page/3 -> 134\n"
                              "https://example.test/page/4 -> 134\n"
                              "https://example.test/page/5 -> ClientResponseError: 404, message='Not Found', "
                              "url='https://example.test/page/5'\n"
                              "https://example.test/page/6 -> 134\n"));
        QCOMPARE(e->loop().time(), 1.0);
        const auto waits = awaits(*e);
        QCOMPARE(std::count_if(waits.begin(), waits.end(), [](const std::string &w) { return w.starts_with("GET "); }), 6);
    }

    void aClosedSessionRefusesRequests()
    {
        auto e = runScript("import aiohttp, asyncio\n"
                           "async def main():\n"
                           "    s = aiohttp.ClientSession()\n"
                           "    await s.close()\n"
                           "    print(s.closed)\n"
                           "    s.get('https://x.test')\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->output(), std::string("True\n"));
        QVERIFY(e->errorText().ends_with("RuntimeError: Session is closed\n"));
    }

    void badSimulateArgumentsAreClearErrors()
    {
        auto e = runScript("import aiohttp\n"
                           "for kw in ({'latency': -1}, {'speed': 2}):\n"
                           "    try:\n"
                           "        aiohttp.simulate('https://x.test', **kw)\n"
                           "    except (ValueError, TypeError) as e:\n"
                           "        print(type(e).__name__, e)\n");
        QCOMPARE(e->output(),
            std::string("ValueError latency must be a non-negative number of seconds\n"
                        "TypeError simulate() got an unexpected keyword argument 'speed'\n"));
    }
};

QTEST_GUILESS_MAIN(TestAiohttp)
#include "tst_aiohttp.moc"
