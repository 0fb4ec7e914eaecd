# Subclasses of collections classes: super().__init__ fills them, their methods keep working.
import asyncio
from collections import Counter, defaultdict, deque, OrderedDict


class WordCount(Counter):
    def __init__(self, text):
        super().__init__(text.lower().split())

    def top(self):
        return self.most_common(1)[0]


class Groups(defaultdict):
    def __init__(self):
        super().__init__(list)

    def add(self, key, value):
        self[key].append(value)


class History(deque):
    def __init__(self, size):
        super().__init__(maxlen=size)


class LRU(OrderedDict):
    def touch(self, key):
        self.move_to_end(key)


async def main():
    wc = WordCount("the cat and The hat")
    print(wc, wc.top(), wc["the"], wc["dog"], isinstance(wc, dict))
    g = Groups()
    g.add("a", 1)
    g.add("a", 2)
    g.add("b", 3)
    print(dict(g), g["zzz"], len(g), g)
    h = History(2)
    for i in range(4):
        h.append(i)
    print(list(h), h.maxlen, len(h), h)
    lru = LRU(a=1, b=2)
    lru.touch("a")
    print(list(lru), lru)
    await asyncio.sleep(0)


asyncio.run(main())
