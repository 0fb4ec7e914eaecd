# Classic snippets: an attribute-access dict, a default-zero counter dict, a logged list.
import asyncio


class AttrDict(dict):
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__


class Tally(dict):
    def __missing__(self, key):
        return 0


class LoggedList(list):
    def __setitem__(self, index, value):
        print(f"set [{index}] = {value!r}")
        list.__setitem__(self, index, value)

    def __len__(self):
        return list.__len__(self) * 1


async def main():
    cfg = AttrDict(host="localhost", port=8080)
    cfg.debug = True
    print(cfg.host, cfg.port, cfg["debug"], cfg, len(cfg))
    del cfg.debug
    try:
        cfg.missing
    except KeyError as e:
        print("KeyError:", e)
    t = Tally()
    for word in "the cat and the hat".split():
        t[word] += 1
    print(t, t["dog"], dict.__getitem__(t, "the"), dict.__len__(t))
    xs = LoggedList([1, 2, 3])
    xs[0] = "one"
    print(xs, len(xs), list.__getitem__(xs, 0), str.__len__("abc"))
    await asyncio.sleep(0)


asyncio.run(main())
