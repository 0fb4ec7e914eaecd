import asyncio

# PEP 654: split() and subgroup() keep the nesting, derive new groups with the same
# message, and return the group itself when everything matches.


async def main():
    inner = ExceptionGroup("inner", [ValueError(3), KeyError(4)])
    eg = ExceptionGroup("outer", [ValueError(1), TypeError(2), inner])
    match, rest = eg.split(ValueError)
    print("match", repr(match))
    print("rest", repr(rest))
    print("keys", repr(eg.subgroup(KeyError)))
    print("none", eg.subgroup(OSError), eg.split(OSError)[0], eg.split(OSError)[1] is eg)
    print("all is self", eg.subgroup(Exception) is eg)
    print("tuple", repr(eg.subgroup((TypeError, KeyError))))
    print("predicate", repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
    print("derive", repr(eg.derive([RuntimeError("r")])))
    try:
        eg.split("ValueError")
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
