# Counter over words produced by several tasks; most_common breaks ties by first appearance.
import asyncio
from collections import Counter


async def produce(text, counter):
    for word in text.split():
        counter[word] += 1
        await asyncio.sleep(0)


async def main():
    counter = Counter()
    await asyncio.gather(produce("a b c a", counter), produce("b a d", counter), produce("e e e", counter))
    print(counter)
    print(counter.most_common(), counter.most_common(1))
    print(set(counter) == {"a", "b", "c", "d", "e"}, sorted(counter.items()))


asyncio.run(main())
