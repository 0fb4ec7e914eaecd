import asyncio

# Printing: str() of numbers uses the shortest repr that round-trips; containers show
# repr() of their items (quotes chosen as Python does, escapes for control chars).


async def main():
    print(0.1 + 0.2, 1e16, 1e-5, -0.0, 3.0, 2.5e-7)
    print(1e15, 123456789.0, 1.5e300, 0.1, 1 / 3, 2 / 3, 10 / 4, 7 // 2, -7 // 2, 7 % 3, -7 % 3)
    print(2 ** 40, -17, 10 ** 15, float(7), int(3.99), int(-3.99), float("inf"), -float("inf"))
    print(100000000000000000.0, 0.0001, 0.00001, 123e-20, 1e22, 1e21, 12345678901234567890.0)
    print(True, False, None, [True, None])
    print([1, 2.5, "two", 'it\'s', 'say "hi"', "both ' and \""])
    print(["tab\t", "newline\n", "back\\slash", ""])
    print((1,), (), (1, 2), [], {}, [[1, [2, [3]]], (4, (5,))])
    print({"a": 1, "b": [1, 2], "c": {"d": (3, "e")}, 4: None})
    d = {}
    d["z"] = 1
    d["a"] = 2
    d["z"] = 3
    print(d, len(d))
    for k, v in d.items():
        print(k, v)
    print(str(1.0), str([0.1]), str("x"), str(None), str((None, 1.25)))


asyncio.run(main())
